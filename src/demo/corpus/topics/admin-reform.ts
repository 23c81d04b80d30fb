import type { TopicBank } from '../bank.js';

/** Administrative reform: one-stop shops, cutting procedures, business conditions. */
export const adminReform: TopicBank = {
  id: 'admin_reform',
  related: ['digital', 'enterprise'],
  section: { name: 'Thời sự', slug: 'thoi-su' },
  subjects: [
    'Trung tâm Phục vụ hành chính công {placeShort}', 'bộ phận một cửa {commune}', 'Trung tâm Phục vụ hành chính công {commune}',
    'bộ phận tiếp nhận và trả kết quả của {placeShort}',
  ],
  agencies: ['Văn phòng UBND {placeShort}', 'Sở Tư pháp {placeShort}', 'Sở Nội vụ {placeShort}'],
  ministries: ['Văn phòng Chính phủ', 'Bộ Tư pháp'],
  departments: ['Cục Kiểm soát thủ tục hành chính', 'Vụ Cải cách hành chính'],
  titles: {
    positive: [
      'Cắt giảm {n}% thủ tục, doanh nghiệp tiết kiệm hàng nghìn ngày công',
      '{subject} được người dân chấm điểm hài lòng cao nhất',
      'Chỉ số cải cách hành chính của {placeShort} tăng {n} bậc',
      'Thủ tục đầu tư rút ngắn còn một nửa thời gian',
    ],
    negative: [
      'Hồ sơ trễ hạn hàng loạt tại {subject}, người dân phải đi lại nhiều lần',
      'Vẫn còn "giấy phép con", doanh nghiệp than khó',
      'Cán bộ {subject} gây khó dễ, đòi thêm giấy tờ ngoài quy định',
      'Cải cách hành chính "trên giấy": thủ tục vẫn rườm rà',
    ],
    neutral: [
      'Thủ tướng chỉ đạo tiếp tục cắt giảm thủ tục hành chính trong năm {year}',
      'Công bố Chỉ số cải cách hành chính năm {year} của các bộ, tỉnh',
      '{placeShort} công bố danh mục thủ tục hành chính mới',
      'Đánh giá mức độ hài lòng của người dân với sự phục vụ của cơ quan hành chính',
    ],
  },
  leads: {
    positive: [
      'Sau khi rà soát, {placeShort} đã bãi bỏ và đơn giản hóa hàng trăm thủ tục hành chính, giúp người dân và doanh nghiệp giảm đáng kể chi phí tuân thủ.',
      'Với cách làm thân thiện, minh bạch, {subject} trở thành địa chỉ được người dân tin tưởng, tỷ lệ hồ sơ trễ hạn gần như bằng không.',
      'Kết quả Chỉ số cải cách hành chính vừa công bố cho thấy {placeShort} tiếp tục nằm trong nhóm dẫn đầu cả nước.',
    ],
    negative: [
      'Thống kê cho thấy hàng nghìn hồ sơ tại {subject} bị giải quyết trễ hạn, nhiều trường hợp không có thư xin lỗi theo quy định.',
      'Dù đã cắt giảm nhiều điều kiện kinh doanh, doanh nghiệp vẫn phản ánh tình trạng "giấy phép con" tồn tại dưới hình thức khác.',
      'Người dân {commune} phản ánh phải đi lại nhiều lần, bổ sung hồ sơ không có trong quy định khi làm thủ tục tại {subject}.',
    ],
    neutral: [
      'Văn phòng Chính phủ vừa có báo cáo về tình hình cải cách thủ tục hành chính quý vừa qua.',
      'UBND {placeShort} ban hành kế hoạch cải cách hành chính năm {year} với {n} nhóm nhiệm vụ trọng tâm.',
      'Theo {agency}, từ đầu năm {subject} đã tiếp nhận khoảng {big} hồ sơ.',
    ],
  },
  body: {
    positive: [
      'Cán bộ tiếp nhận niềm nở, hướng dẫn tận tình, hồ sơ được trả kết quả trước hẹn.',
      'Thời gian cấp giấy chứng nhận đăng ký đầu tư giảm từ {n} ngày xuống còn vài ngày làm việc.',
      'Doanh nghiệp có thể theo dõi tình trạng hồ sơ theo thời gian thực.',
      'Các quy trình nội bộ được chuẩn hóa, công khai tại trụ sở và trên mạng.',
      'Lãnh đạo tỉnh định kỳ đối thoại với doanh nghiệp để tháo gỡ vướng mắc.',
    ],
    negative: [
      'Nhiều hồ sơ quá hạn nhưng không được thông báo lý do, người dân chờ đợi trong vô vọng.',
      'Một số cán bộ yêu cầu nộp thêm bản sao công chứng dù dữ liệu đã có trên hệ thống.',
      'Doanh nghiệp mất nhiều tháng để xin đủ các loại giấy phép trước khi được hoạt động.',
      'Tình trạng đùn đẩy trách nhiệm giữa các sở, ngành khiến hồ sơ bị treo.',
      'Thủ tục cắt giảm trên văn bản nhưng thực tế vẫn phải xin ý kiến nhiều nơi.',
    ],
    neutral: [
      'Chỉ số được đánh giá dựa trên kết quả tự chấm điểm và điều tra xã hội học.',
      'Hiện {placeShort} có khoảng {big} thủ tục hành chính thuộc thẩm quyền giải quyết của các cấp.',
      'Các cơ quan phải gửi văn bản xin lỗi khi giải quyết hồ sơ trễ hạn.',
      'Danh mục thủ tục được công bố công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
      'Kế hoạch đặt mục tiêu cắt giảm ít nhất {n}% chi phí tuân thủ.',
    ],
  },
  quotes: {
    positive: [
      'Tôi đến nộp hồ sơ chưa đầy 15 phút đã xong, cán bộ còn hướng dẫn rất kỹ.',
      'Cải cách hành chính là khâu đột phá, người dân và doanh nghiệp là trung tâm phục vụ.',
    ],
    negative: [
      'Tôi đi lại năm lần, mỗi lần lại được yêu cầu bổ sung một loại giấy khác.',
      'Doanh nghiệp mất cơ hội kinh doanh chỉ vì chờ một con dấu.',
      'Nói cắt giảm thủ tục nhưng thực tế chúng tôi chưa thấy thay đổi gì.',
    ],
    neutral: [
      'Các đơn vị có hồ sơ trễ hạn phải báo cáo rõ nguyên nhân và trách nhiệm.',
      'Việc chấm điểm được thực hiện khách quan, có sự tham gia của người dân và doanh nghiệp.',
    ],
  },
  tags: ['Cải cách hành chính', 'Thủ tục hành chính', 'Một cửa', 'Môi trường kinh doanh'],
  captions: ['Người dân làm thủ tục tại bộ phận một cửa', 'Cán bộ tiếp nhận hồ sơ', 'Khu vực chờ tại trung tâm hành chính công'],
};
