import type { TopicBank } from '../bank.js';

/** Banking: interest rates, credit, gold and exchange rates, bad debt. */
export const banking: TopicBank = {
  id: 'banking',
  related: ['economy', 'enterprise'],
  section: { name: 'Kinh doanh', slug: 'kinh-doanh' },
  subjects: [
    'các ngân hàng thương mại tại {placeShort}', 'nhóm ngân hàng có vốn nhà nước', 'các tổ chức tín dụng trên địa bàn {placeShort}',
    'các quỹ tín dụng nhân dân ở {placeShort}',
  ],
  agencies: ['Ngân hàng Nhà nước Khu vực {placeShort}', 'Ngân hàng Chính sách xã hội {placeShort}', 'Hiệp hội Ngân hàng'],
  ministries: ['Ngân hàng Nhà nước', 'Bộ Tài chính'],
  departments: ['Vụ Chính sách tiền tệ', 'Cục Quản lý, giám sát tổ chức tín dụng'],
  titles: {
    positive: [
      'Lãi suất cho vay giảm, doanh nghiệp dễ tiếp cận vốn',
      'Tín dụng tăng trưởng tích cực, dòng vốn chảy vào sản xuất',
      'Gói vay ưu đãi nhà ở xã hội được giải ngân nhanh',
      '{subject} đồng loạt giảm lãi suất hỗ trợ người vay',
    ],
    negative: [
      'Nợ xấu tăng, nhiều doanh nghiệp khó trả nợ',
      'Lừa đảo qua tài khoản ngân hàng: người dân mất tiền oan',
      'Doanh nghiệp nhỏ than khó vay vốn dù lãi suất giảm',
      'Tín dụng đen bủa vây công nhân, người lao động',
    ],
    neutral: [
      'Ngân hàng Nhà nước giữ nguyên lãi suất điều hành',
      'Tỷ giá trung tâm hôm nay tăng nhẹ',
      'Quy định mới về xác thực sinh trắc học khi chuyển tiền',
      'Tăng trưởng tín dụng {month}: đạt khoảng {pct}%',
    ],
  },
  leads: {
    positive: [
      'Mặt bằng lãi suất cho vay tiếp tục giảm, giúp doanh nghiệp và người dân tiếp cận vốn với chi phí thấp hơn.',
      'Tín dụng toàn hệ thống tăng trưởng khả quan, tập trung vào các lĩnh vực sản xuất, kinh doanh và ưu tiên.',
      '{subject} đã đồng loạt công bố giảm lãi suất cho vay từ 0,5 đến 1 điểm phần trăm với khách hàng hiện hữu.',
    ],
    negative: [
      'Tỷ lệ nợ xấu nội bảng của các tổ chức tín dụng có xu hướng tăng, phản ánh khó khăn của khu vực doanh nghiệp.',
      'Nhiều người dân {placeShort} bị các đối tượng giả danh nhân viên ngân hàng chiếm đoạt tiền trong tài khoản.',
      'Dù lãi suất đã giảm, nhiều doanh nghiệp nhỏ và vừa vẫn không vay được vốn vì thiếu tài sản bảo đảm.',
    ],
    neutral: [
      'Ngân hàng Nhà nước vừa thông báo giữ nguyên các mức lãi suất điều hành, áp dụng từ đầu {month}.',
      'Theo {agency}, dư nợ tín dụng trên địa bàn {placeShort} đạt khoảng {money}.',
      'Từ đầu tháng tới, giao dịch chuyển tiền trực tuyến trên một mức nhất định phải xác thực sinh trắc học.',
    ],
  },
  body: {
    positive: [
      'Lãi suất cho vay ngắn hạn phổ biến ở mức khoảng 4% mỗi năm với lĩnh vực ưu tiên.',
      'Thủ tục vay được rút gọn, hồ sơ được phê duyệt trong vài ngày.',
      'Các gói tín dụng ưu đãi cho nông nghiệp xanh, nhà ở xã hội được triển khai hiệu quả.',
      'Nhiều hộ nghèo được vay vốn chính sách để phát triển sinh kế, thoát nghèo bền vững.',
      'Hệ thống ngân hàng duy trì thanh khoản dồi dào, ổn định.',
    ],
    negative: [
      'Nhiều khoản vay phải cơ cấu lại thời hạn trả nợ do doanh nghiệp mất khả năng thanh toán.',
      'Các đối tượng lừa đảo sử dụng công nghệ giả giọng nói, hình ảnh để đánh lừa nạn nhân.',
      'Lãi suất tín dụng đen có thể lên tới hàng trăm phần trăm mỗi năm.',
      'Doanh nghiệp nhỏ khó đáp ứng yêu cầu về báo cáo tài chính và tài sản bảo đảm.',
      'Thiệt hại từ các vụ lừa đảo qua mạng lên tới {money} trong năm.',
    ],
    neutral: [
      'Lãi suất tái cấp vốn hiện ở mức 4,5% mỗi năm.',
      'Tỷ giá trung tâm được công bố hằng ngày trên cơ sở diễn biến thị trường.',
      'Các ngân hàng được yêu cầu công khai lãi suất cho vay bình quân trên trang thông tin điện tử.',
      'Tăng trưởng tín dụng được điều hành linh hoạt, phù hợp với diễn biến kinh tế vĩ mô.',
      'Chênh lệch lãi suất huy động và cho vay được theo dõi chặt chẽ.',
    ],
  },
  quotes: {
    positive: [
      'Lãi suất giảm giúp doanh nghiệp chúng tôi có thêm vốn mở rộng sản xuất, tuyển thêm lao động.',
      'Ngành ngân hàng sẽ tiếp tục đồng hành, chia sẻ khó khăn với doanh nghiệp và người dân.',
    ],
    negative: [
      'Tôi chỉ bấm vào một đường link lạ mà mất sạch tiền tiết kiệm cả chục năm.',
      'Lãi suất giảm nhưng chúng tôi không có tài sản thế chấp thì cũng không vay được.',
      'Vay tín dụng đen vài triệu, giờ nợ lên cả trăm triệu, ngày nào cũng bị khủng bố điện thoại.',
    ],
    neutral: [
      'Ngân hàng Nhà nước sẽ theo dõi sát diễn biến thị trường để điều hành phù hợp.',
      'Khách hàng cần cảnh giác, không cung cấp mã OTP cho bất kỳ ai.',
    ],
  },
  tags: ['Lãi suất', 'Ngân hàng', 'Tín dụng', 'Tỷ giá', 'Lừa đảo trực tuyến'],
  captions: ['Khách hàng giao dịch tại ngân hàng', 'Quầy giao dịch', 'Nhân viên ngân hàng tư vấn khách hàng'],
};
