import type { TopicBank } from '../bank.js';

/** Transport infrastructure: expressways, high-speed rail, airports, urban rail. */
export const transport: TopicBank = {
  id: 'transport',
  related: ['construction', 'economy'],
  section: { name: 'Thời sự', slug: 'thoi-su' },
  subjects: [
    'dự án cao tốc Bắc – Nam đoạn qua {placeShort}', 'dự án đường sắt tốc độ cao đoạn qua {placeShort}',
    'dự án đường vành đai kết nối {placeShort}', 'tuyến metro số 2 của {placeShort}', 'dự án mở rộng quốc lộ 1 qua {placeShort}',
    'dự án cầu vượt sông lớn nhất {placeShort}', 'dự án nâng cấp cảng hàng không {placeShort}', 'dự án cao tốc nối {placeShort} với cửa khẩu',
  ],
  agencies: ['Ban Quản lý dự án đường bộ', 'Sở Xây dựng {placeShort}', 'Cục Đường bộ Việt Nam', 'Ban Quản lý dự án đường sắt'],
  ministries: ['Bộ Xây dựng'],
  departments: ['Cục Đường bộ Việt Nam', 'Cục Đường sắt Việt Nam', 'Cục Kinh tế – Quản lý đầu tư xây dựng'],
  titles: {
    positive: [
      'Thông xe {subject} sớm hơn kế hoạch {n} ngày',
      '{subject} vượt tiến độ, người dân mong chờ ngày về đích',
      'Hoàn thành giải phóng mặt bằng {subject}',
      'Nhà thầu tăng ca, {subject} cán đích mốc quan trọng',
      'Khởi công {subject}, mở ra dư địa phát triển cho {placeShort}',
    ],
    negative: [
      '{subject} chậm tiến độ, nhà thầu xin lùi mốc hoàn thành',
      'Thiếu cát đắp nền, {subject} ì ạch giữa mùa khô',
      'Mặt đường {subject} hư hỏng chỉ sau vài tháng khai thác',
      'Người dân bức xúc vì công trường {subject} bỏ dở nhiều tháng',
      'Điều chỉnh vốn lần thứ {n}, {subject} vẫn chưa thấy ngày về đích',
    ],
    neutral: [
      'Bộ Xây dựng báo cáo tiến độ {subject}',
      '{placeShort} lấy ý kiến về phương án tuyến {subject}',
      'Thủ tướng yêu cầu tháo gỡ vướng mắc tại {subject}',
      'Quốc hội thảo luận chủ trương đầu tư {subject}',
      'Phân luồng giao thông phục vụ thi công {subject}',
    ],
  },
  leads: {
    positive: [
      'Sau hơn {n} tháng thi công, {subject} đã hoàn thành các hạng mục chính, sớm hơn mốc hợp đồng và được người dân đồng tình.',
      'Nhờ giải phóng mặt bằng dứt điểm và nhà thầu huy động đủ nhân lực, {subject} đang vượt kế hoạch đề ra cho năm {year}.',
      '{agency} cho biết {subject} đã đạt khoảng {pct}% khối lượng, cao hơn kế hoạch, hứa hẹn rút ngắn thời gian di chuyển đáng kể.',
    ],
    negative: [
      'Dù đã qua mốc hoàn thành, {subject} mới đạt khoảng {pct}% khối lượng, nhiều đoạn công trường vắng bóng công nhân.',
      'Việc chậm bàn giao mặt bằng và thiếu vật liệu khiến {subject} chậm tiến độ kéo dài, chi phí đội lên hàng trăm tỷ đồng.',
      'Người dân sống dọc {subject} phản ánh bụi bẩn, ngập úng và đường công vụ xuống cấp suốt nhiều tháng qua.',
    ],
    neutral: [
      '{agency} vừa có báo cáo gửi Bộ Xây dựng về tình hình triển khai {subject} và các kiến nghị liên quan.',
      'Theo kế hoạch, {subject} có tổng mức đầu tư khoảng {money}, được chia thành {n} gói thầu xây lắp.',
      'UBND {placeShort} tổ chức hội nghị bàn giải pháp đẩy nhanh {subject} với sự tham gia của các sở, ngành.',
    ],
  },
  body: {
    positive: [
      'Trên công trường, hàng trăm kỹ sư và công nhân làm việc ba ca liên tục, kể cả ngày nghỉ.',
      'Các mũi thi công đã thảm xong lớp bê tông nhựa trên chiều dài khoảng {n} km.',
      'Toàn bộ {big} hộ dân bị ảnh hưởng đã nhận tiền bồi thường và bàn giao mặt bằng đúng hẹn.',
      'Khi đưa vào khai thác, thời gian di chuyển giữa các đô thị trong vùng dự kiến giảm gần một nửa.',
      'Nguồn vật liệu đắp nền được tháo gỡ nhờ địa phương cấp phép khai thác thêm {n} mỏ cát.',
      'Chủ đầu tư đánh giá chất lượng các hạng mục đã nghiệm thu đạt yêu cầu thiết kế.',
      'Doanh nghiệp vận tải trong vùng kỳ vọng chi phí logistics giảm đáng kể khi tuyến đường thông xe.',
      'Nhiều đoạn tuyến đã lắp đặt xong hệ thống chiếu sáng, biển báo và trạm dừng nghỉ.',
    ],
    negative: [
      'Nhiều gói thầu mới đạt khoảng {pct}% giá trị hợp đồng dù thời hạn chỉ còn vài tháng.',
      'Tại một số đoạn, máy móc nằm phơi nắng, công nhân nghỉ việc vì nhà thầu chậm thanh toán.',
      'Khoảng {n} km tuyến chính vẫn vướng mặt bằng do chưa thống nhất được giá bồi thường.',
      'Đường công vụ bị xe tải cày nát, mùa mưa lầy lội khiến học sinh phải lội bùn tới trường.',
      'Kiểm tra cho thấy một số vị trí mặt đường xuất hiện vết nứt, lún cục bộ sau mưa lớn.',
      'Việc chậm tiến độ kéo theo chi phí lãi vay và trượt giá, có thể làm tổng mức đầu tư tăng thêm {money}.',
      'Cử tri nhiều lần kiến nghị nhưng đến nay các điểm đen tai nạn trên tuyến vẫn chưa được xử lý dứt điểm.',
      'Một số nhà thầu năng lực yếu nhưng vẫn được giao gói thầu lớn, dẫn tới thi công cầm chừng.',
    ],
    neutral: [
      'Dự án được khởi công từ năm {year}, dài khoảng {n}0 km, đi qua địa bàn {n} xã, phường.',
      'Theo quy định, chủ đầu tư phải báo cáo định kỳ tiến độ giải ngân vốn đầu tư công hằng tháng.',
      'Phương án phân luồng được áp dụng từ ngày 15 {month}, kéo dài trong khoảng {n} tuần.',
      'Các phương tiện có tải trọng lớn được hướng dẫn đi theo quốc lộ song hành.',
      'Vốn đầu tư công năm {year} bố trí cho dự án khoảng {money}.',
      'Hồ sơ thiết kế kỹ thuật đang được cơ quan chuyên môn thẩm định.',
      'Dự án áp dụng cơ chế đặc thù về khai thác mỏ vật liệu theo nghị quyết của Quốc hội.',
      'Tuyến đường được thiết kế với vận tốc 80–120 km/h, quy mô bốn đến sáu làn xe.',
    ],
  },
  quotes: {
    positive: [
      'Chúng tôi cam kết thông xe toàn tuyến trước Tết, chất lượng công trình là ưu tiên số một.',
      'Tuyến đường sẽ thay đổi diện mạo cả vùng, người dân đi lại thuận tiện hơn rất nhiều.',
      'Mặt bằng sạch giúp nhà thầu chủ động, chúng tôi có thể rút ngắn tiến độ thêm vài tháng.',
    ],
    negative: [
      'Công trường bỏ dở cả năm nay, bụi mù mịt, nhà tôi không dám mở cửa buôn bán.',
      'Nhà thầu không đủ năng lực thì phải kiên quyết thay, không thể để dự án kéo dài mãi.',
      'Tiền đền bù chưa nhận được mà đất đã bị rào lại, chúng tôi không biết kêu ai.',
    ],
    neutral: [
      'Chủ đầu tư sẽ rà soát từng gói thầu và báo cáo cấp có thẩm quyền các khó khăn phát sinh.',
      'Phương án tuyến đã được lấy ý kiến cộng đồng dân cư theo đúng quy định.',
      'Việc điều chỉnh dự án sẽ được thực hiện khi có đủ cơ sở pháp lý.',
    ],
  },
  tags: ['Cao tốc', 'Đường sắt tốc độ cao', 'Giao thông', 'Đầu tư công', 'Hạ tầng'],
  captions: ['Công nhân thi công trên công trường', 'Một đoạn tuyến đang được thảm nhựa', 'Máy móc tập kết dọc tuyến đường'],
};
