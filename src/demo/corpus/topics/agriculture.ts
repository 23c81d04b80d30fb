import type { TopicBank } from '../bank.js';

/** Agriculture: rice prices, exports, farming, saline intrusion. */
export const agriculture: TopicBank = {
  id: 'agriculture',
  related: ['trade', 'economy'],
  section: { name: 'Kinh doanh', slug: 'kinh-doanh' },
  subjects: [
    'vùng lúa chất lượng cao ở {placeShort}', 'vùng trồng sầu riêng {placeShort}', 'các hợp tác xã nông nghiệp {placeShort}',
    'vùng nuôi tôm ven biển {placeShort}', 'cánh đồng lớn ở {commune}',
  ],
  agencies: ['Sở Nông nghiệp và Môi trường {placeShort}', 'Liên minh Hợp tác xã {placeShort}', 'Chi cục Trồng trọt và Bảo vệ thực vật {placeShort}'],
  ministries: ['Bộ Nông nghiệp và Môi trường', 'Bộ Công Thương'],
  departments: ['Cục Trồng trọt và Bảo vệ thực vật', 'Cục Xuất nhập khẩu', 'Cục Kinh tế hợp tác và Phát triển nông thôn'],
  titles: {
    positive: [
      'Giá lúa tăng, nông dân {placeShort} phấn khởi vụ mùa bội thu',
      'Xuất khẩu nông sản cán mốc kỷ lục',
      'Liên kết chuỗi giúp {subject} tăng thu nhập',
      'Đề án một triệu héc ta lúa chất lượng cao: lợi nhuận tăng, phát thải giảm',
    ],
    negative: [
      'Giá lúa giảm sâu, nông dân {placeShort} lo lỗ vốn',
      'Hàng nghìn tấn nông sản ùn ứ ở cửa khẩu',
      'Hạn mặn xâm nhập sâu, {subject} thiệt hại nặng',
      'Thương lái "bẻ kèo", nông dân trắng tay',
    ],
    neutral: [
      'Bộ Nông nghiệp và Môi trường họp bàn giải pháp tiêu thụ lúa gạo',
      'Xuất khẩu gạo tháng đầu năm: sản lượng giảm, giá tăng',
      '{placeShort} xuống giống vụ đông xuân theo lịch thời vụ',
      'Yêu cầu cấp mã số vùng trồng cho {subject}',
    ],
  },
  leads: {
    positive: [
      'Giá lúa tươi tại ruộng tăng thêm vài trăm đồng mỗi ký, nông dân {placeShort} lãi khoảng {n} triệu đồng mỗi héc ta.',
      'Nhờ tham gia chuỗi liên kết với doanh nghiệp, {subject} có đầu ra ổn định và giá bán cao hơn thị trường.',
      'Kim ngạch xuất khẩu nông, lâm, thủy sản từ đầu năm tăng mạnh, nhiều mặt hàng lập kỷ lục mới.',
    ],
    negative: [
      'Giá lúa liên tục giảm trong khi chi phí phân bón, thuốc trừ sâu vẫn ở mức cao khiến nhiều nông dân {placeShort} đứng trước nguy cơ thua lỗ.',
      'Hàng trăm xe chở nông sản nằm chờ thông quan nhiều ngày, hàng hóa hư hỏng, chủ hàng thiệt hại nặng.',
      'Nước mặn xâm nhập sâu vào nội đồng, hàng trăm héc ta tại {subject} bị cháy lá, nguy cơ mất trắng.',
    ],
    neutral: [
      'Bộ Nông nghiệp và Môi trường vừa tổ chức hội nghị bàn giải pháp thúc đẩy tiêu thụ lúa gạo vụ đông xuân.',
      'Theo {agency}, vụ này toàn tỉnh gieo sạ khoảng {big} héc ta lúa.',
      'Từ tháng tới, nông sản xuất khẩu sang một số thị trường bắt buộc có mã số vùng trồng.',
    ],
  },
  body: {
    positive: [
      'Năng suất lúa bình quân đạt khoảng 65 tạ mỗi héc ta, cao hơn vụ trước.',
      'Doanh nghiệp ký hợp đồng bao tiêu toàn bộ sản lượng với giá sàn.',
      'Áp dụng quy trình canh tác giảm phát thải giúp tiết kiệm chi phí đầu vào khoảng {pct}%.',
      'Nhiều hợp tác xã đã đầu tư máy sấy, kho chứa, chủ động thời điểm bán.',
      'Sản phẩm đạt chuẩn OCOP giúp giá trị nông sản tăng đáng kể.',
    ],
    negative: [
      'Thương lái ép giá, nhiều ruộng lúa chín nhưng không có người đến mua.',
      'Chi phí vật tư nông nghiệp tăng, lợi nhuận của nông dân gần như bằng không.',
      'Nhiều lô hàng bị trả về vì không đáp ứng yêu cầu kiểm dịch.',
      'Nông dân phải vay nóng để tái sản xuất, rơi vào vòng nợ nần.',
      'Các cống ngăn mặn chưa hoàn thành, nước mặn tràn vào đồng ruộng.',
    ],
    neutral: [
      'Giá lúa tươi hiện dao động quanh mức 7 nghìn đồng mỗi ký tùy giống.',
      'Xuất khẩu gạo chủ yếu sang các thị trường châu Á và châu Phi.',
      'Lịch thời vụ được khuyến cáo nhằm né rầy và tránh hạn mặn.',
      'Cơ quan chức năng khuyến cáo nông dân không bán lúa non, tránh bị ép giá.',
      'Hiện cả nước có khoảng {big} mã số vùng trồng phục vụ xuất khẩu.',
    ],
  },
  quotes: {
    positive: [
      'Năm nay trúng mùa được giá, bà con ai cũng vui, có tiền sửa nhà đón Tết.',
      'Liên kết với doanh nghiệp thì nông dân yên tâm sản xuất, không lo đầu ra.',
    ],
    negative: [
      'Bán lúa xong trừ hết chi phí thì coi như làm không công cả vụ.',
      'Xe hàng nằm chờ cả tuần, trái cây hư gần hết, lỗ cả trăm triệu.',
      'Lúa đang làm đòng thì nước mặn vào, giờ chỉ biết nhìn ruộng mà khóc.',
    ],
    neutral: [
      'Ngành nông nghiệp đang phối hợp với doanh nghiệp để tăng thu mua tạm trữ.',
      'Nông dân cần tuân thủ lịch thời vụ và quy trình kỹ thuật được khuyến cáo.',
    ],
  },
  tags: ['Giá lúa', 'Nông nghiệp', 'Xuất khẩu nông sản', 'Hạn mặn', 'Lúa gạo'],
  captions: ['Nông dân thu hoạch lúa', 'Xe chở nông sản chờ thông quan', 'Cánh đồng lúa chín'],
};
