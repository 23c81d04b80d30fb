import type { TopicBank } from '../bank.js';

/** Energy: power supply, electricity prices, renewables, grid projects. */
export const energy: TopicBank = {
  id: 'energy',
  related: ['economy', 'environment'],
  section: { name: 'Kinh doanh', slug: 'kinh-doanh' },
  subjects: [
    'đường dây 500 kV mạch 3 đoạn qua {placeShort}', 'dự án điện gió ngoài khơi {placeShort}', 'nhà máy nhiệt điện {placeShort}',
    'trạm biến áp 220 kV {placeShort}', 'dự án điện mặt trời mái nhà tại {placeShort}',
  ],
  agencies: ['Sở Công Thương {placeShort}', 'Công ty Điện lực {placeShort}', 'Ban Quản lý dự án điện'],
  ministries: ['Bộ Công Thương'],
  departments: ['Cục Điện lực', 'Cục Điều tiết điện lực'],
  titles: {
    positive: [
      'Đóng điện {subject}, bảo đảm cung ứng điện mùa khô',
      'Không còn lo thiếu điện: hệ thống vận hành ổn định',
      '{subject} hoàn thành sớm, tăng nguồn cung cho miền Bắc',
      'Doanh nghiệp hào hứng với cơ chế mua bán điện trực tiếp',
    ],
    negative: [
      'Cắt điện luân phiên, doanh nghiệp thiệt hại nặng',
      'Hóa đơn tiền điện tăng vọt, người dân bất bình',
      '{subject} chậm tiến độ, nguy cơ thiếu điện cục bộ',
      'Hàng chục dự án năng lượng tái tạo "treo" vì vướng cơ chế giá',
    ],
    neutral: [
      'Điều chỉnh giá bán lẻ điện bình quân từ hôm nay',
      'Bộ Công Thương công bố kế hoạch cung ứng điện năm {year}',
      'Lấy ý kiến dự thảo cơ chế điện mặt trời mái nhà tự sản tự tiêu',
      'Triển khai Quy hoạch điện VIII điều chỉnh tại {placeShort}',
    ],
  },
  leads: {
    positive: [
      'Sau hơn {n} tháng thi công thần tốc, {subject} đã được đóng điện, góp phần bảo đảm an ninh năng lượng.',
      'Nhờ chuẩn bị nguồn và lưới từ sớm, hệ thống điện đã vượt qua đỉnh phụ tải mùa nắng nóng mà không phải tiết giảm.',
      'Cơ chế mua bán điện trực tiếp mở ra cơ hội cho doanh nghiệp tiếp cận nguồn năng lượng sạch với chi phí hợp lý.',
    ],
    negative: [
      'Nhiều khu công nghiệp ở {placeShort} bị cắt điện luân phiên trong giờ cao điểm, dây chuyền sản xuất phải dừng hoạt động.',
      'Nhiều hộ gia đình phản ánh hóa đơn tiền điện tháng này tăng gấp rưỡi, thậm chí gấp đôi tháng trước dù thói quen sử dụng không đổi.',
      'Do vướng mặt bằng, {subject} đang chậm so với kế hoạch, gây áp lực lên khả năng cung ứng điện.',
    ],
    neutral: [
      'Bộ Công Thương cho biết giá bán lẻ điện bình quân được điều chỉnh tăng khoảng {pct}% kể từ hôm nay.',
      'Theo kế hoạch, tổng sản lượng điện sản xuất và nhập khẩu năm {year} dự kiến tăng khoảng {n}%.',
      '{agency} đã trình phương án triển khai {subject} theo quy hoạch được duyệt.',
    ],
  },
  body: {
    positive: [
      'Hàng nghìn kỹ sư, công nhân thi công xuyên lễ, Tết để kịp tiến độ.',
      'Nguồn điện dự phòng được bảo đảm, các hồ thủy điện tích nước ở mức cao.',
      'Các hộ lắp điện mặt trời mái nhà tiết kiệm được khoảng một nửa tiền điện mỗi tháng.',
      'Công suất phát từ năng lượng tái tạo chiếm tỷ trọng ngày càng lớn.',
      'Lưới điện được tăng cường giúp giảm tổn thất điện năng xuống mức thấp.',
    ],
    negative: [
      'Nhiều doanh nghiệp phải thuê máy phát điện, chi phí sản xuất đội lên đáng kể.',
      'Cách tính giá bậc thang khiến người dùng nhiều điện mùa nóng phải trả tiền cao hơn hẳn.',
      'Khoảng {n} dự án đã đầu tư xong nhưng chưa được huy động, gây lãng phí lớn.',
      'Giải phóng mặt bằng vị trí móng cột còn vướng, một số hộ chưa đồng thuận.',
      'Ngành điện lỗ lũy kế lớn, áp lực điều chỉnh giá ngày càng tăng.',
    ],
    neutral: [
      'Biểu giá bán lẻ điện sinh hoạt hiện có sáu bậc.',
      'Đường dây có chiều dài khoảng {n}0 km, đi qua nhiều tỉnh, thành phố.',
      'Quy hoạch điện VIII điều chỉnh đặt mục tiêu phát triển mạnh năng lượng tái tạo.',
      'Việc điều chỉnh giá điện được xem xét định kỳ ba tháng một lần.',
      'Phụ tải cực đại của hệ thống dự kiến tăng khoảng {pct}% so với năm trước.',
    ],
  },
  quotes: {
    positive: [
      'Đường dây đóng điện đúng hẹn là kết quả của tinh thần làm việc không kể ngày đêm.',
      'Chúng tôi yên tâm sản xuất vì nguồn điện ổn định, không còn lo bị cắt đột ngột.',
    ],
    negative: [
      'Nhà chỉ có hai vợ chồng và đứa con nhỏ mà tiền điện tháng này hơn hai triệu đồng.',
      'Mất điện một buổi là hỏng cả mẻ hàng, thiệt hại hàng trăm triệu đồng.',
      'Dự án làm xong cả năm nay mà chưa được phát điện, tiền lãi ngân hàng thì vẫn phải trả.',
    ],
    neutral: [
      'Việc điều chỉnh giá điện được thực hiện công khai, minh bạch theo cơ chế thị trường.',
      'Ngành điện sẽ tăng cường kiểm tra, giải đáp thắc mắc của khách hàng về hóa đơn.',
    ],
  },
  tags: ['Điện', 'Giá điện', 'Năng lượng tái tạo', 'Quy hoạch điện VIII', 'Đường dây 500 kV'],
  captions: ['Công nhân kéo dây trên cột điện', 'Trạm biến áp mới đóng điện', 'Cánh đồng điện gió'],
};
