import type { TopicBank } from '../bank.js';

/** Restructuring the state apparatus: merged provinces and communes, two-level local government. */
export const apparatus: TopicBank = {
  id: 'apparatus',
  related: ['admin_reform', 'labour'],
  section: { name: 'Chính trị', slug: 'chinh-tri' },
  subjects: [
    'chính quyền địa phương hai cấp ở {placeShort}', 'bộ máy của {placeShort} sau hợp nhất',
    'chính quyền {commune} sau sáp nhập', 'việc sắp xếp trụ sở dôi dư ở {placeShort}',
  ],
  agencies: ['Sở Nội vụ {placeShort}', 'UBND {placeShort}', 'Văn phòng Tỉnh ủy {placeShort}'],
  ministries: ['Bộ Nội vụ'],
  departments: ['Vụ Chính quyền địa phương', 'Cục Văn thư và Lưu trữ nhà nước'],
  titles: {
    positive: [
      'Sau sáp nhập, {subject} vận hành thông suốt',
      'Người dân {placeShort} hài lòng với {subject}',
      'Trụ sở dôi dư được chuyển thành trường học, trạm y tế',
      'Tinh gọn bộ máy: {placeShort} tiết kiệm hàng trăm tỷ đồng chi thường xuyên',
    ],
    negative: [
      'Lúng túng sau sáp nhập: người dân đi xa hàng chục cây số làm thủ tục',
      'Hàng trăm trụ sở bỏ hoang sau sắp xếp, nguy cơ lãng phí',
      'Cán bộ nghỉ việc ồ ạt, {subject} thiếu người có chuyên môn',
      'Chế độ cho người nghỉ việc chậm chi trả, cán bộ sốt ruột',
    ],
    neutral: [
      'Quốc hội thông qua nghị quyết sắp xếp đơn vị hành chính cấp tỉnh',
      '{placeShort} công bố quyết định thành lập các xã, phường mới',
      'Hướng dẫn chuyển đổi giấy tờ sau khi thay đổi địa giới hành chính',
      'Bộ Nội vụ tổng kết một năm vận hành chính quyền địa phương hai cấp',
    ],
  },
  leads: {
    positive: [
      'Sau thời gian đầu bỡ ngỡ, {subject} đã đi vào nền nếp, hồ sơ của người dân được giải quyết nhanh hơn trước.',
      'Việc tinh gọn đầu mối giúp {placeShort} giảm đáng kể chi thường xuyên, dành nguồn lực cho đầu tư phát triển.',
      'Nhiều trụ sở dôi dư sau sắp xếp ở {placeShort} đã được cải tạo thành trường học, nhà văn hóa phục vụ cộng đồng.',
    ],
    negative: [
      'Sau sắp xếp, nhiều người dân vùng xa phải đi quãng đường gấp đôi để đến trụ sở mới làm thủ tục, trong khi cán bộ chưa quen việc.',
      'Hàng loạt trụ sở cũ bị bỏ trống, xuống cấp nhanh chóng trong khi phương án sử dụng vẫn chưa được phê duyệt.',
      'Nhiều cán bộ có kinh nghiệm xin nghỉ theo chính sách, khiến {subject} rơi vào cảnh thiếu người làm chuyên môn.',
    ],
    neutral: [
      'Theo nghị quyết của Quốc hội, cả nước có 34 đơn vị hành chính cấp tỉnh, trong đó {placeShort} được hình thành trên cơ sở hợp nhất {formerly}.',
      'UBND {placeShort} vừa ban hành hướng dẫn về việc sử dụng con dấu, biểu mẫu sau khi sắp xếp đơn vị hành chính.',
      'Bộ Nội vụ cho biết đã có khoảng {big} cán bộ, công chức nghỉ hưu trước tuổi hoặc nghỉ thôi việc theo chính sách.',
    ],
  },
  body: {
    positive: [
      'Cán bộ được bố trí phù hợp năng lực, nhiều người trẻ được giao trọng trách.',
      'Người dân có thể nộp hồ sơ tại bất kỳ điểm tiếp nhận nào, không phụ thuộc địa giới hành chính.',
      'Số đầu mối giảm mạnh, quy trình xử lý công việc ngắn gọn hơn.',
      'Tiền tiết kiệm từ tinh gọn bộ máy được dùng để tăng lương và đầu tư hạ tầng.',
      'Công tác tư tưởng được làm tốt nên cán bộ đồng thuận cao với chủ trương.',
    ],
    negative: [
      'Nhiều cán bộ phải di chuyển hàng chục cây số mỗi ngày đến trụ sở mới.',
      'Hệ thống phần mềm chưa cập nhật địa danh mới, hồ sơ bị trả về vì sai địa chỉ.',
      'Trụ sở cũ cỏ mọc um tùm, tài sản bị mất cắp, hư hỏng.',
      'Khối lượng công việc tăng mạnh trong khi biên chế giảm, cán bộ quá tải.',
      'Chế độ, chính sách cho người nghỉ việc chậm được chi trả vì vướng thủ tục.',
    ],
    neutral: [
      'Người dân không bắt buộc phải đổi giấy tờ đã cấp trước khi sắp xếp.',
      'Tên gọi, trụ sở của đơn vị mới được xác định theo nghị quyết của Ủy ban Thường vụ Quốc hội.',
      '{placeShort} hiện có {n}0 xã, phường sau sắp xếp.',
      'Phương án xử lý trụ sở dôi dư phải hoàn thành trong năm {year}.',
      'Chính quyền địa phương được tổ chức thành hai cấp: cấp tỉnh và cấp xã.',
    ],
  },
  quotes: {
    positive: [
      'Bộ máy gọn hơn nhưng làm việc hiệu quả hơn, người dân không phải chờ đợi như trước.',
      'Trụ sở cũ giờ thành trường mầm non, các cháu có chỗ học rộng rãi.',
    ],
    negative: [
      'Trước đây đi năm phút là tới xã, giờ phải đi cả tiếng đồng hồ.',
      'Tài sản nhà nước mà để hoang phế như thế này thì quá lãng phí.',
      'Người giỏi nghỉ hết, người ở lại phải gánh việc của ba bốn người.',
    ],
    neutral: [
      'Địa phương đang rà soát, đề xuất phương án sử dụng từng trụ sở.',
      'Chính sách đối với cán bộ dôi dư được thực hiện theo đúng quy định.',
    ],
  },
  tags: ['Sắp xếp bộ máy', 'Sáp nhập tỉnh', 'Chính quyền hai cấp', 'Tinh gọn bộ máy'],
  captions: ['Trụ sở UBND xã mới', 'Cán bộ xã hướng dẫn người dân', 'Trụ sở cũ sau sắp xếp'],
};
