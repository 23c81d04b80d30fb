import type { TopicBank } from '../bank.js';

/** Social security: removing makeshift houses, poverty reduction, pensions, social allowances. */
export const socialSecurity: TopicBank = {
  id: 'social_security',
  related: ['construction', 'labour'],
  section: { name: 'Xã hội', slug: 'xa-hoi' },
  subjects: [
    'chương trình xóa nhà tạm, nhà dột nát ở {placeShort}', 'chương trình giảm nghèo bền vững ở {placeShort}',
    'chính sách trợ cấp hưu trí xã hội ở {placeShort}', 'chương trình hỗ trợ nhà ở cho người có công ở {placeShort}',
  ],
  agencies: ['Sở Y tế {placeShort}', 'Ủy ban Mặt trận Tổ quốc {placeShort}', 'UBND {commune}', 'Sở Dân tộc và Tôn giáo {placeShort}'],
  ministries: ['Bộ Y tế', 'Bộ Dân tộc và Tôn giáo'],
  departments: ['Cục Bảo trợ xã hội', 'Vụ Chính sách dân tộc'],
  titles: {
    positive: [
      'Hoàn thành xóa nhà tạm, nhà dột nát trước thời hạn',
      'Hàng nghìn hộ nghèo {placeShort} có nhà mới đón Tết',
      'Ngôi nhà mơ ước của người có công ở {commune}',
      'Tỷ lệ hộ nghèo ở {placeShort} giảm mạnh',
    ],
    negative: [
      'Chậm giải ngân hỗ trợ, nhiều hộ chưa thể khởi công nhà mới',
      'Trục lợi chính sách hỗ trợ nhà ở: cán bộ {commune} bị kỷ luật',
      'Người già neo đơn vẫn sống trong căn nhà dột nát',
      'Chi trả trợ cấp chậm, người hưởng chính sách mòn mỏi chờ',
    ],
    neutral: [
      'Thủ tướng chỉ đạo hoàn thành xóa nhà tạm, nhà dột nát trong năm {year}',
      'Mức hỗ trợ xây mới nhà ở cho hộ nghèo là bao nhiêu?',
      'Rà soát hộ nghèo, hộ cận nghèo năm {year}',
      'Hạ độ tuổi hưởng trợ cấp hưu trí xã hội từ tháng tới',
    ],
  },
  leads: {
    positive: [
      'Với sự chung tay của cả hệ thống chính trị và cộng đồng, {placeShort} đã hoàn thành {subject} sớm hơn kế hoạch.',
      'Những ngôi nhà mới khang trang được bàn giao, giúp hàng nghìn hộ nghèo ở {placeShort} an cư, yên tâm lao động sản xuất.',
      'Sau nhiều năm sống trong căn nhà tạm bợ, gia đình người có công ở {commune} đã có ngôi nhà kiên cố đón Tết.',
    ],
    negative: [
      'Nguồn kinh phí hỗ trợ chậm được phân bổ khiến nhiều hộ nghèo ở {placeShort} chưa thể khởi công xây nhà dù mùa mưa đã cận kề.',
      'Thanh tra phát hiện một số cán bộ {commune} lập khống hồ sơ để trục lợi tiền hỗ trợ nhà ở cho hộ nghèo.',
      'Dù {subject} đã báo cáo hoàn thành, vẫn còn những cụ già neo đơn sống trong căn nhà dột nát, xiêu vẹo.',
    ],
    neutral: [
      'Theo báo cáo, cả nước đã hỗ trợ xóa hàng trăm nghìn căn nhà tạm, nhà dột nát; {placeShort} đã hỗ trợ khoảng {big} căn.',
      'Mức hỗ trợ xây mới là 60 triệu đồng mỗi căn, sửa chữa là 30 triệu đồng mỗi căn.',
      '{agency} vừa ban hành hướng dẫn rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều.',
    ],
  },
  body: {
    positive: [
      'Bộ đội, đoàn viên thanh niên góp hàng nghìn ngày công giúp các gia đình dựng nhà.',
      'Nhiều doanh nghiệp, nhà hảo tâm ủng hộ vật liệu xây dựng, tiền mặt.',
      'Mỗi ngôi nhà được xây theo tiêu chí "ba cứng": nền cứng, khung cứng, mái cứng.',
      'Người dân vui mừng dọn về nhà mới, nhiều gia đình đã có sinh kế ổn định.',
      'Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm khoảng {pct} điểm phần trăm so với đầu năm.',
    ],
    negative: [
      'Một số hộ phải vay mượn thêm để làm nhà vì tiền hỗ trợ chưa về.',
      'Việc bình xét hộ được hỗ trợ thiếu công khai, gây thắc mắc trong nhân dân.',
      'Căn nhà tạm bằng tôn, vách ván xiêu vẹo, mỗi lần mưa lớn nước tràn vào nhà.',
      'Hồ sơ hưởng trợ cấp phải bổ sung nhiều lần, người cao tuổi đi lại vất vả.',
      'Số tiền bị chiếm đoạt ước tính khoảng vài trăm triệu đồng.',
    ],
    neutral: [
      'Kinh phí hỗ trợ được huy động từ ngân sách và Quỹ Vì người nghèo.',
      'Danh sách hộ được hỗ trợ phải được niêm yết công khai tại trụ sở xã.',
      'Chuẩn nghèo đa chiều áp dụng cho giai đoạn 2026–2030 đang được lấy ý kiến.',
      'Người từ đủ 75 tuổi không có lương hưu được hưởng trợ cấp hưu trí xã hội hằng tháng.',
      'Các địa phương báo cáo kết quả thực hiện định kỳ hằng tuần.',
    ],
  },
  quotes: {
    positive: [
      'Cả đời tôi chưa bao giờ nghĩ có được ngôi nhà vững chãi thế này, cảm ơn Đảng, Nhà nước và bà con.',
      'Không để ai bị bỏ lại phía sau là mục tiêu xuyên suốt của chương trình.',
    ],
    negative: [
      'Tôi được báo có tên trong danh sách từ đầu năm mà đến giờ chưa thấy tiền về.',
      'Tiền hỗ trợ người nghèo mà cũng bớt xén thì không thể chấp nhận được.',
      'Mùa mưa năm nào hai ông bà già cũng phải chạy sang nhà hàng xóm ngủ nhờ.',
    ],
    neutral: [
      'Địa phương sẽ rà soát lại toàn bộ danh sách để bảo đảm đúng đối tượng.',
      'Kinh phí hỗ trợ sẽ được chuyển trực tiếp đến từng hộ gia đình.',
    ],
  },
  tags: ['Xóa nhà tạm', 'Giảm nghèo', 'An sinh xã hội', 'Người có công'],
  captions: ['Ngôi nhà mới được bàn giao', 'Lực lượng vũ trang giúp dân dựng nhà', 'Căn nhà tạm trước khi được hỗ trợ'],
};
