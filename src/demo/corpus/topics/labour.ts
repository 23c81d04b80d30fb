import type { TopicBank } from '../bank.js';

/** Labour and wages: salary reform, minimum wage, jobs, workers' housing. */
export const labour: TopicBank = {
  id: 'labour',
  related: ['social_security', 'enterprise'],
  section: { name: 'Việc làm', slug: 'viec-lam' },
  subjects: [
    'Khu công nghiệp {commune}', 'Khu công nghiệp phía Bắc {placeShort}', 'Khu chế xuất {commune}',
    'Cụm công nghiệp {commune}', 'Khu kinh tế ven biển {placeShort}',
  ],
  agencies: ['Sở Nội vụ {placeShort}', 'Liên đoàn Lao động {placeShort}', 'Trung tâm Dịch vụ việc làm {placeShort}', 'Ban Quản lý các khu công nghiệp {placeShort}'],
  ministries: ['Bộ Nội vụ'],
  departments: ['Cục Việc làm', 'Vụ Tiền lương', 'Cục Quan hệ lao động và Tiền lương'],
  titles: {
    positive: [
      'Lương tối thiểu vùng tăng, hàng triệu người lao động hưởng lợi',
      'Doanh nghiệp tại {subject} tuyển thêm {big} lao động dịp cuối năm',
      'Công nhân {subject} phấn khởi nhận thưởng Tết cao hơn năm trước',
      'Hoàn thành cải cách tiền lương: thu nhập cán bộ, công chức tăng rõ rệt',
    ],
    negative: [
      'Hàng nghìn công nhân {subject} mất việc, đơn hàng sụt giảm',
      'Doanh nghiệp nợ lương, công nhân {subject} đình công',
      'Nợ đóng bảo hiểm xã hội kéo dài, người lao động mất quyền lợi',
      'Lương không đủ sống, lao động trẻ rời khu công nghiệp về quê',
    ],
    neutral: [
      'Chính phủ đề xuất điều chỉnh lương tối thiểu vùng từ năm {year}',
      'Thị trường lao động quý này: nhu cầu tuyển dụng tăng nhẹ',
      'Hướng dẫn mới về thời giờ làm thêm của người lao động',
      'Bộ Nội vụ lấy ý kiến về bảng lương mới của cán bộ, công chức',
    ],
  },
  leads: {
    positive: [
      'Từ đầu năm, mức lương tối thiểu vùng được điều chỉnh tăng khoảng {pct}%, giúp cải thiện đời sống của người lao động.',
      'Nhiều doanh nghiệp tại {subject} đã có đơn hàng đến hết quý sau và liên tục tuyển thêm công nhân.',
      'Không khí phấn khởi bao trùm {subject} khi hầu hết doanh nghiệp công bố mức thưởng Tết cao hơn năm trước.',
    ],
    negative: [
      'Đơn hàng giảm mạnh khiến nhiều doanh nghiệp tại {subject} phải cắt giảm lao động, hàng nghìn công nhân rơi vào cảnh thất nghiệp.',
      'Bị nợ lương {n} tháng, hàng trăm công nhân một doanh nghiệp tại {subject} đã ngừng việc tập thể để đòi quyền lợi.',
      'Tình trạng trốn đóng, nợ đóng bảo hiểm xã hội tại {placeShort} vẫn diễn biến phức tạp, ảnh hưởng trực tiếp tới quyền lợi người lao động.',
    ],
    neutral: [
      'Hội đồng Tiền lương quốc gia vừa thống nhất phương án điều chỉnh lương tối thiểu vùng trình Chính phủ xem xét.',
      'Theo {agency}, trong quý vừa qua các doanh nghiệp trên địa bàn có nhu cầu tuyển dụng khoảng {big} lao động.',
      'Bộ Nội vụ đang lấy ý kiến dự thảo nghị định về chế độ tiền lương đối với cán bộ, công chức, viên chức.',
    ],
  },
  body: {
    positive: [
      'Thu nhập bình quân của công nhân tại đây đạt khoảng 9 triệu đồng mỗi tháng, tăng so với cùng kỳ.',
      'Nhiều doanh nghiệp hỗ trợ tiền nhà trọ, xe đưa đón để giữ chân người lao động.',
      'Công đoàn cơ sở đã thương lượng thành công thỏa ước lao động tập thể có lợi hơn cho công nhân.',
      'Sàn giao dịch việc làm kết nối thành công cho khoảng {big} lao động trong tháng.',
      'Các khu nhà ở xã hội cho công nhân được đưa vào sử dụng, giá thuê hợp lý.',
      'Người lao động được đào tạo lại kỹ năng để chuyển sang vị trí mới trong dây chuyền.',
    ],
    negative: [
      'Nhiều công nhân đã ngoài 35 tuổi, khó tìm được việc mới sau khi bị cắt giảm.',
      'Doanh nghiệp chậm đóng bảo hiểm xã hội khiến người lao động không được hưởng chế độ thai sản, ốm đau.',
      'Tiền thuê trọ, sinh hoạt phí tăng nhanh hơn thu nhập, đời sống công nhân rất chật vật.',
      'Chủ doanh nghiệp bỏ trốn, để lại khoản nợ lương và bảo hiểm hàng chục tỷ đồng.',
      'Công nhân phải làm thêm giờ liên tục, vượt quá mức quy định.',
      'Nhiều người rút bảo hiểm xã hội một lần, đối mặt nguy cơ không có lương hưu khi về già.',
    ],
    neutral: [
      'Lương tối thiểu vùng được chia thành bốn vùng theo địa bàn hành chính.',
      'Thời giờ làm thêm không quá 40 giờ trong một tháng theo quy định của Bộ luật Lao động.',
      'Cơ quan chức năng đang xác minh, làm rõ vụ việc để bảo vệ quyền lợi hợp pháp của người lao động.',
      'Dự kiến bảng lương mới được áp dụng theo lộ trình từ năm {year}.',
      'Địa phương hiện có khoảng {big} doanh nghiệp đang hoạt động với hơn trăm nghìn lao động.',
      'Các doanh nghiệp được đề nghị báo cáo tình hình lao động, tiền lương định kỳ sáu tháng.',
    ],
  },
  quotes: {
    positive: [
      'Lương tăng thêm chút ít nhưng anh em công nhân rất phấn khởi, Tết này được gửi tiền về quê.',
      'Công ty có đơn hàng ổn định nên chúng tôi yên tâm gắn bó lâu dài.',
      'Cải cách tiền lương là động lực để cán bộ, công chức tận tâm với công việc.',
    ],
    negative: [
      'Ba tháng nay không có lương, tiền trọ còn nợ, con nhỏ ở quê chờ tiền gửi về.',
      'Công ty trừ tiền bảo hiểm hằng tháng nhưng không nộp, giờ sinh con tôi không được hưởng chế độ.',
      'Làm quần quật cả tháng mà trả tiền trọ, tiền ăn xong là hết.',
    ],
    neutral: [
      'Hội đồng sẽ cân nhắc hài hòa lợi ích giữa người lao động và doanh nghiệp.',
      'Cơ quan chức năng đang làm việc với doanh nghiệp để xác định số tiền còn nợ.',
      'Số liệu thị trường lao động được cập nhật hằng quý để phục vụ hoạch định chính sách.',
    ],
  },
  tags: ['Tiền lương', 'Lao động', 'Việc làm', 'Công nhân', 'Bảo hiểm xã hội'],
  captions: ['Công nhân trong giờ tan ca', 'Người lao động tìm việc tại sàn giao dịch', 'Dây chuyền sản xuất tại nhà máy'],
};
