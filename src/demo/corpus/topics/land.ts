import type { TopicBank } from '../bank.js';

/** Land and real estate: compensation, land prices, housing projects, the land law. */
export const land: TopicBank = {
  id: 'land',
  related: ['construction', 'justice'],
  section: { name: 'Bất động sản', slug: 'bat-dong-san' },
  subjects: [
    'dự án khu đô thị mới ở {commune}', 'dự án mở rộng khu công nghiệp tại {commune}', 'dự án khu dân cư ven sông ở {commune}',
    'dự án nhà ở xã hội tại {placeShort}', 'khu tái định cư {commune}', 'dự án công viên trung tâm {placeShort}',
  ],
  agencies: ['Sở Nông nghiệp và Môi trường {placeShort}', 'UBND {commune}', 'Trung tâm Phát triển quỹ đất {placeShort}', 'Văn phòng đăng ký đất đai {placeShort}'],
  ministries: ['Bộ Nông nghiệp và Môi trường', 'Bộ Xây dựng'],
  departments: ['Cục Quản lý đất đai', 'Cục Quản lý nhà và thị trường bất động sản'],
  titles: {
    positive: [
      'Hơn {big} hộ dân nhận sổ đỏ sau nhiều năm chờ đợi',
      '{placeShort} khởi công nhà ở xã hội, người thu nhập thấp có thêm cơ hội an cư',
      'Người dân đồng thuận bàn giao mặt bằng cho {subject}',
      'Giải quyết dứt điểm vướng mắc kéo dài tại {subject}',
      'Thủ tục đất đai rút ngắn còn {n} ngày nhờ liên thông điện tử',
    ],
    negative: [
      'Hàng trăm hộ dân khiếu nại giá bồi thường tại {subject}',
      'Khu tái định cư bỏ hoang, dân vẫn phải ở nhờ suốt {n} năm',
      'Giá đất tăng phi mã, người trẻ xa dần giấc mơ an cư',
      'Sai phạm trong giao đất tại {subject}, nhiều cán bộ bị kỷ luật',
      'Người mua nhà tại {subject} bức xúc vì chậm cấp sổ đỏ',
    ],
    neutral: [
      '{placeShort} công bố bảng giá đất mới',
      'Hướng dẫn mới về định giá đất cụ thể',
      'Lấy ý kiến người dân về phương án bồi thường tại {subject}',
      'Những điểm mới của Luật Đất đai người dân cần biết',
      'Thị trường bất động sản {month}: nguồn cung tăng nhẹ',
    ],
  },
  leads: {
    positive: [
      'Sau nhiều năm vướng mắc, {subject} đã được tháo gỡ, hàng trăm gia đình chính thức nhận giấy chứng nhận quyền sử dụng đất.',
      'Với sự vào cuộc quyết liệt của chính quyền, người dân {commune} đã đồng thuận bàn giao mặt bằng sớm hơn kế hoạch.',
      'Dự án nhà ở xã hội tại {placeShort} được khởi công với quy mô {big} căn hộ, giá bán dự kiến phù hợp thu nhập của công nhân, người lao động.',
    ],
    negative: [
      'Cho rằng giá bồi thường quá thấp so với thị trường, hàng trăm hộ dân {commune} gửi đơn khiếu nại nhiều cấp nhưng chưa được giải quyết thỏa đáng.',
      'Đã {n} năm trôi qua, {subject} vẫn nham nhở, cỏ mọc um tùm trong khi các hộ dân phải thuê nhà ở tạm.',
      'Cơ quan thanh tra chỉ ra hàng loạt sai phạm trong việc giao đất, cho thuê đất tại {subject}, gây thất thoát lớn cho ngân sách.',
    ],
    neutral: [
      'UBND {placeShort} vừa ban hành quyết định thu hồi đất để thực hiện {subject}, áp dụng từ đầu {month}.',
      'Theo {agency}, việc định giá đất thực hiện theo nguyên tắc thị trường quy định tại Luật Đất đai năm 2024.',
      'Trung tâm Phát triển quỹ đất tổ chức đối thoại với các hộ dân có đất bị thu hồi để làm {subject}.',
    ],
  },
  body: {
    positive: [
      'Các hộ dân được bố trí tái định cư tại chỗ, hạ tầng điện, nước, trường học đầy đủ.',
      'Cán bộ địa chính xuống từng thôn hướng dẫn người dân hoàn thiện hồ sơ, không thu thêm khoản phí nào.',
      'Giá bồi thường được điều chỉnh sát giá thị trường nên người dân đồng tình, sớm di dời.',
      'Toàn bộ hồ sơ được số hóa, người dân theo dõi tiến độ giải quyết qua cổng dịch vụ công.',
      'Dự án nhà ở xã hội có giá dự kiến khoảng {n} triệu đồng mỗi mét vuông, thấp hơn nhà thương mại cùng khu vực.',
      'Nhiều hộ đã dùng tiền bồi thường để chuyển đổi nghề, mở cửa hàng kinh doanh ổn định.',
    ],
    negative: [
      'Theo các hộ dân, đơn giá bồi thường chỉ bằng khoảng một phần ba giá chuyển nhượng thực tế.',
      'Khu tái định cư thiếu nước sạch, đường nội bộ lầy lội, nhiều lô đất bị bỏ trống.',
      'Người dân đã nhiều lần gửi đơn khiếu nại, thậm chí kéo nhau lên trụ sở tiếp công dân.',
      'Thanh tra kết luận việc chuyển mục đích sử dụng khoảng {n} ha đất trái quy định.',
      'Giá căn hộ tại các dự án mới đã tăng khoảng {pct}% chỉ trong một năm.',
      'Nhiều hồ sơ cấp sổ đỏ bị trả lại nhiều lần mà không được giải thích rõ lý do.',
      'Đất công bị lấn chiếm để xây nhà xưởng, tồn tại nhiều năm nhưng chưa bị xử lý.',
    ],
    neutral: [
      'Bảng giá đất được điều chỉnh hằng năm và công bố công khai vào ngày 1 tháng 1.',
      'Dự án có diện tích khoảng {n} ha, ảnh hưởng tới {big} hộ dân và tổ chức.',
      'Người sử dụng đất có quyền khiếu nại quyết định hành chính về bồi thường theo quy định của pháp luật.',
      'Thời hạn giải quyết thủ tục đăng ký biến động đất đai không quá {n} ngày làm việc.',
      'Sở Nông nghiệp và Môi trường được giao chủ trì rà soát các dự án chậm đưa đất vào sử dụng.',
      'Giao dịch bất động sản trong quý đạt khoảng {big} giao dịch thành công.',
    ],
  },
  quotes: {
    positive: [
      'Cầm sổ đỏ trên tay, gia đình tôi yên tâm làm ăn, không còn lo lắng như trước.',
      'Chính quyền đối thoại cởi mở, giá bồi thường hợp lý nên bà con đồng thuận cao.',
      'Đây là dự án nhà ở xã hội lớn nhất tỉnh, chúng tôi ưu tiên công nhân khu công nghiệp.',
    ],
    negative: [
      'Đất của gia đình tôi bị thu hồi mà tiền đền bù không đủ mua một mảnh đất nhỏ ở nơi khác.',
      'Chúng tôi gửi đơn suốt mấy năm mà chỉ nhận được văn bản hẹn tới hẹn lui.',
      'Lương công nhân như tôi thì cả đời cũng không mua nổi căn hộ với giá bây giờ.',
    ],
    neutral: [
      'Mọi kiến nghị của người dân sẽ được xem xét theo đúng trình tự, thủ tục pháp luật.',
      'Việc định giá đất được thực hiện công khai, có sự tham gia của hội đồng thẩm định.',
      'Địa phương đang rà soát lại nguồn gốc đất của từng hộ để làm căn cứ bồi thường.',
    ],
  },
  tags: ['Đất đai', 'Bồi thường', 'Giải phóng mặt bằng', 'Nhà ở xã hội', 'Bất động sản'],
  captions: ['Khu đất dự án nhìn từ trên cao', 'Người dân làm thủ tục tại bộ phận một cửa', 'Khu tái định cư mới xây dựng'],
};
