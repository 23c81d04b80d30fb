import type { TopicBank } from '../bank.js';

/** Digital transformation: online public services, e-ID, data, digital government. */
export const digital: TopicBank = {
  id: 'digital',
  related: ['admin_reform', 'science'],
  section: { name: 'Số hóa', slug: 'so-hoa' },
  subjects: [
    'Cổng dịch vụ công của {placeShort}', 'hệ thống giải quyết thủ tục hành chính của {placeShort}',
    'ứng dụng công dân số {placeShort}', 'Trung tâm điều hành đô thị thông minh {placeShort}', 'hệ thống thông tin y tế điện tử của {placeShort}',
  ],
  agencies: ['Sở Khoa học và Công nghệ {placeShort}', 'Trung tâm Phục vụ hành chính công {placeShort}', 'Văn phòng UBND {placeShort}'],
  ministries: ['Bộ Khoa học và Công nghệ', 'Bộ Công an'],
  departments: ['Cục Chuyển đổi số quốc gia', 'Cục Cảnh sát quản lý hành chính về trật tự xã hội', 'Cục Bưu điện Trung ương'],
  titles: {
    positive: [
      '{placeShort} dẫn đầu cả nước về dịch vụ công trực tuyến toàn trình',
      'Người dân làm thủ tục không cần giấy tờ nhờ {subject}',
      '{subject} giúp tiết kiệm hàng trăm tỷ đồng mỗi năm',
      'Hơn {pct}% hồ sơ được nộp trực tuyến qua {subject}',
      'Đề án 06: dữ liệu dân cư "đúng, đủ, sạch, sống" phát huy hiệu quả',
    ],
    negative: [
      '{subject} liên tục lỗi, người dân mất cả buổi vẫn không nộp được hồ sơ',
      'Dịch vụ công trực tuyến "đắp chiếu": có mà ít người dùng',
      'Rò rỉ dữ liệu cá nhân: lỗ hổng từ {subject}',
      'Số hóa nửa vời, người dân vẫn phải nộp bản giấy',
    ],
    neutral: [
      'Chính phủ ban hành kế hoạch chuyển đổi số quốc gia năm {year}',
      '{placeShort} vận hành thử {subject}',
      'Từ tháng sau, nhiều thủ tục chỉ giải quyết trực tuyến',
      'Hướng dẫn tích hợp giấy tờ vào tài khoản định danh điện tử',
    ],
  },
  leads: {
    positive: [
      'Chỉ với chiếc điện thoại thông minh, người dân {placeShort} có thể hoàn tất hàng trăm thủ tục hành chính mà không phải đến trụ sở cơ quan nhà nước.',
      'Sau một năm vận hành, {subject} đã tiếp nhận hàng trăm nghìn hồ sơ, tỷ lệ giải quyết đúng hạn đạt gần tuyệt đối.',
      'Nhờ kết nối dữ liệu dân cư, nhiều thủ tục trước đây mất cả tuần nay chỉ còn vài giờ.',
    ],
    negative: [
      'Nhiều người dân phản ánh {subject} thường xuyên báo lỗi, treo máy khi tải hồ sơ, buộc họ quay lại nộp trực tiếp.',
      'Dù được đầu tư hàng chục tỷ đồng, {subject} có tỷ lệ sử dụng rất thấp, nhiều dịch vụ cả năm không phát sinh hồ sơ.',
      'Cơ quan chức năng đang điều tra vụ lộ lọt dữ liệu cá nhân của hàng nghìn người dân, nghi liên quan đến {subject}.',
    ],
    neutral: [
      'UBND {placeShort} vừa ban hành kế hoạch triển khai {subject} trong giai đoạn {year}–2030.',
      'Theo {agency}, từ đầu năm đến nay toàn tỉnh đã tiếp nhận khoảng {big} hồ sơ trực tuyến.',
      'Bộ Công an hướng dẫn người dân tích hợp giấy phép lái xe, thẻ bảo hiểm y tế vào ứng dụng định danh điện tử.',
    ],
  },
  body: {
    positive: [
      'Người dân chỉ cần đăng nhập bằng tài khoản định danh điện tử mức độ 2, thông tin được điền sẵn.',
      'Kết quả giải quyết được trả qua bưu chính công ích hoặc trên ứng dụng, không cần đi lại.',
      'Thời gian xử lý trung bình mỗi hồ sơ giảm khoảng {pct}% so với trước.',
      'Hệ thống tự động nhắc cán bộ khi hồ sơ sắp quá hạn, giúp hạn chế chậm trễ.',
      'Mỗi năm tiết kiệm được hàng triệu trang giấy và chi phí đi lại cho người dân.',
      'Tổ công nghệ số cộng đồng đến từng thôn, bản hướng dẫn người cao tuổi sử dụng ứng dụng.',
    ],
    negative: [
      'Hệ thống thường xuyên quá tải vào giờ cao điểm, thông báo lỗi không rõ nguyên nhân.',
      'Nhiều dịch vụ công chỉ trực tuyến trên danh nghĩa, người dân vẫn phải mang hồ sơ giấy đến đối chiếu.',
      'Dữ liệu giữa các ngành chưa liên thông nên người dân phải khai lại thông tin nhiều lần.',
      'Cán bộ một cửa lúng túng khi hướng dẫn, đẩy người dân từ bàn này sang bàn khác.',
      'Kinh phí duy trì hệ thống lớn nhưng số hồ sơ phát sinh mỗi tháng chỉ đếm trên đầu ngón tay.',
      'Thông tin cá nhân bị rao bán công khai trên mạng xã hội, gây lo ngại cho người dân.',
    ],
    neutral: [
      'Hiện {placeShort} cung cấp khoảng {big} dịch vụ công trực tuyến, trong đó có dịch vụ toàn trình.',
      'Tài khoản định danh điện tử do Bộ Công an cấp có giá trị tương đương căn cước khi giao dịch.',
      'Hệ thống được kết nối với Cơ sở dữ liệu quốc gia về dân cư.',
      'Các cơ quan được yêu cầu số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực.',
      'Dự án có tổng kinh phí khoảng {money}, thực hiện trong ba năm.',
      'Việc đánh giá chất lượng phục vụ được thực hiện trên Cổng dịch vụ công quốc gia.',
    ],
  },
  quotes: {
    positive: [
      'Tôi làm giấy khai sinh cho con ngay tại nhà, hai ngày sau nhận kết quả, rất tiện.',
      'Chuyển đổi số phải lấy người dân làm trung tâm, đo bằng sự hài lòng của người dân.',
      'Dữ liệu sạch giúp chúng tôi cắt bỏ được rất nhiều giấy tờ không cần thiết.',
    ],
    negative: [
      'Tôi thử ba lần đều báo lỗi, cuối cùng vẫn phải xin nghỉ làm để lên phường nộp.',
      'Đầu tư nhiều tiền mà dân không dùng được thì là lãng phí.',
      'Thông tin của tôi bị lộ, ngày nào cũng có người gọi điện mời chào.',
    ],
    neutral: [
      'Đơn vị đang phối hợp với nhà cung cấp để nâng cấp đường truyền và máy chủ.',
      'Người dân có thể gọi tổng đài hỗ trợ khi gặp khó khăn trong quá trình thực hiện.',
      'Lộ trình số hóa được triển khai theo đúng kế hoạch đã phê duyệt.',
    ],
  },
  tags: ['Chuyển đổi số', 'Dịch vụ công trực tuyến', 'Đề án 06', 'Định danh điện tử', 'Dữ liệu'],
  captions: ['Người dân làm thủ tục trên điện thoại', 'Cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến', 'Trung tâm điều hành'],
};
