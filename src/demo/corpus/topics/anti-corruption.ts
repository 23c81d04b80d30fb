import type { TopicBank } from '../bank.js';

/** Anti-corruption and waste: inspections, prosecutions, asset recovery, idle projects. */
export const antiCorruption: TopicBank = {
  id: 'anti_corruption',
  related: ['justice', 'construction'],
  section: { name: 'Pháp luật', slug: 'phap-luat' },
  subjects: [
    'dự án trung tâm hội nghị {placeShort}', 'gói thầu mua sắm thiết bị của {placeShort}', 'dự án bệnh viện vệ tinh {placeShort}',
    'dự án khu liên hợp thể thao {placeShort}', 'dự án nhà máy xử lý rác {placeShort}',
  ],
  agencies: ['Thanh tra {placeShort}', 'Ủy ban Kiểm tra Tỉnh ủy {placeShort}', 'Cơ quan Cảnh sát điều tra Công an {placeShort}'],
  ministries: ['Thanh tra Chính phủ', 'Bộ Công an'],
  departments: ['Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu', 'Cục Chống tham nhũng'],
  titles: {
    positive: [
      'Thu hồi hơn {money} trong các vụ án tham nhũng',
      'Khởi động lại {subject} sau nhiều năm "đắp chiếu"',
      'Xử lý dứt điểm các dự án tồn đọng, chống lãng phí hiệu quả',
      'Công khai kết luận thanh tra, người dân đồng tình',
    ],
    negative: [
      'Khởi tố nguyên giám đốc sở liên quan sai phạm tại {subject}',
      '{subject} bỏ hoang, gây lãng phí hàng nghìn tỷ đồng',
      'Thanh tra chỉ ra hàng loạt sai phạm tại {subject}',
      'Nhận hối lộ để "bật đèn xanh" cho doanh nghiệp, nhiều cán bộ bị bắt',
    ],
    neutral: [
      'Xét xử vụ án liên quan {subject}',
      'Thanh tra Chính phủ công bố kết luận về {subject}',
      'Ban Chỉ đạo phòng, chống tham nhũng, lãng phí họp phiên định kỳ',
      'Kê khai tài sản, thu nhập năm {year}: những điểm mới',
    ],
  },
  leads: {
    positive: [
      'Nhờ quyết liệt thu hồi tài sản, các cơ quan tiến hành tố tụng đã thu về cho Nhà nước số tiền lớn, cao hơn nhiều so với cùng kỳ.',
      'Sau khi được tháo gỡ vướng mắc pháp lý, {subject} đã được khởi động lại, chấm dứt nhiều năm lãng phí.',
      'Kết luận thanh tra được công khai minh bạch, xử lý nghiêm người sai phạm, tạo niềm tin cho người dân.',
    ],
    negative: [
      'Cơ quan điều tra đã khởi tố bị can, bắt tạm giam nhiều cán bộ liên quan đến sai phạm tại {subject}, gây thiệt hại hàng trăm tỷ đồng.',
      'Được đầu tư với kỳ vọng lớn, {subject} hiện bỏ hoang, xuống cấp nghiêm trọng, là minh chứng rõ nét cho sự lãng phí.',
      'Kết luận thanh tra chỉ ra nhiều sai phạm trong thẩm định giá, lựa chọn nhà thầu tại {subject}.',
    ],
    neutral: [
      '{agency} vừa ban hành kết luận thanh tra về {subject} và kiến nghị xử lý.',
      'Theo cáo trạng, các bị cáo bị truy tố về tội vi phạm quy định về đấu thầu gây hậu quả nghiêm trọng.',
      'Ban Chỉ đạo đã đưa {n} vụ án, vụ việc vào diện theo dõi, chỉ đạo trong năm {year}.',
    ],
  },
  body: {
    positive: [
      'Nhiều bị cáo đã tự nguyện nộp lại tiền khắc phục hậu quả trước phiên tòa.',
      'Tài sản được thu hồi sẽ được đưa vào ngân sách để đầu tư các công trình dân sinh.',
      'Việc xử lý nghiêm, không có vùng cấm được dư luận đánh giá cao.',
      'Các dự án tồn đọng được phân loại, có phương án xử lý cụ thể cho từng dự án.',
      'Cơ chế kiểm soát quyền lực được hoàn thiện, hạn chế cơ hội phát sinh tiêu cực.',
    ],
    negative: [
      'Giá thiết bị được nâng khống gấp nhiều lần so với giá thị trường.',
      'Các bị can đã thông đồng, dàn xếp để doanh nghiệp thân quen trúng thầu.',
      'Công trình xây xong không sử dụng, cỏ dại mọc kín sân, thiết bị hoen gỉ.',
      'Thiệt hại cho ngân sách được xác định khoảng {money}.',
      'Nhiều cán bộ đã nhận tiền "bôi trơn" để hợp thức hóa hồ sơ sai quy định.',
      'Sai phạm kéo dài nhiều năm nhưng không bị phát hiện, cho thấy công tác kiểm tra còn buông lỏng.',
    ],
    neutral: [
      'Phiên tòa dự kiến kéo dài trong {n} ngày với sự tham gia của nhiều luật sư.',
      'Vụ án đang được mở rộng điều tra.',
      'Cơ quan thanh tra kiến nghị chuyển hồ sơ sang cơ quan điều tra để xem xét xử lý theo quy định.',
      'Theo quy định, người có nghĩa vụ kê khai phải hoàn thành trước ngày 31 tháng 12.',
      'Dự án được phê duyệt năm {year} với tổng mức đầu tư khoảng {money}.',
    ],
  },
  quotes: {
    positive: [
      'Phòng, chống tham nhũng, lãng phí được thực hiện kiên quyết, kiên trì, không có vùng cấm.',
      'Thu hồi được tài sản là thước đo hiệu quả của công tác phòng, chống tham nhũng.',
    ],
    negative: [
      'Tiền của dân mà để lãng phí như thế này thì trách nhiệm thuộc về ai?',
      'Sai phạm rõ ràng như vậy mà nhiều năm không ai phát hiện thì cơ chế giám sát có vấn đề.',
      'Công trình nghìn tỷ giờ thành nơi chăn bò, người dân nhìn mà xót xa.',
    ],
    neutral: [
      'Cơ quan điều tra sẽ làm rõ trách nhiệm của từng cá nhân liên quan.',
      'Kết luận thanh tra đã được gửi đến các cơ quan có thẩm quyền để xử lý.',
    ],
  },
  tags: ['Chống tham nhũng', 'Chống lãng phí', 'Thanh tra', 'Vụ án', 'Thu hồi tài sản'],
  captions: ['Các bị cáo tại phiên tòa', 'Công trình bỏ hoang nhiều năm', 'Đoàn thanh tra làm việc'],
};
