import type { TopicBank } from '../bank.js';

/** Education: textbooks, exams, teachers, school facilities, tuition. */
export const education: TopicBank = {
  id: 'education',
  related: ['social_security', 'labour'],
  section: { name: 'Giáo dục', slug: 'giao-duc' },
  subjects: [
    'Trường THCS {commune}', 'Trường Tiểu học {commune}', 'Trường THPT chuyên {placeShort}',
    'Trường Phổ thông dân tộc nội trú {placeShort}', 'Trường Mầm non {commune}', 'Trường THPT {commune}',
  ],
  agencies: ['Sở Giáo dục và Đào tạo {placeShort}', 'UBND {commune}', 'Phòng Văn hóa – Xã hội {commune}'],
  ministries: ['Bộ Giáo dục và Đào tạo'],
  departments: ['Cục Quản lý chất lượng', 'Vụ Giáo dục phổ thông', 'Cục Nhà giáo và Cán bộ quản lý giáo dục'],
  titles: {
    positive: [
      'Học sinh {subject} vui đến trường trong ngôi trường mới khang trang',
      '{placeShort} miễn học phí cho toàn bộ học sinh từ năm học mới',
      'Giáo viên vùng khó được tăng phụ cấp, yên tâm bám trường',
      '{subject} đạt chuẩn quốc gia sau nhiều năm nỗ lực',
      'Học sinh {placeShort} giành {n} huy chương tại kỳ thi quốc tế',
    ],
    negative: [
      'Thiếu giáo viên trầm trọng, {subject} phải ghép lớp',
      'Phụ huynh bức xúc vì khoản thu đầu năm tại {subject}',
      'Phòng học xuống cấp, học sinh {subject} học trong nơm nớp lo sợ',
      'Sách giáo khoa tăng giá, phụ huynh thêm gánh nặng mùa tựu trường',
      'Lạm thu, dạy thêm tràn lan: nhiều hiệu trưởng bị kiểm điểm',
    ],
    neutral: [
      'Bộ Giáo dục và Đào tạo công bố phương án thi tốt nghiệp THPT năm {year}',
      'Thống nhất một bộ sách giáo khoa dùng chung toàn quốc: lộ trình ra sao?',
      '{placeShort} ban hành khung kế hoạch thời gian năm học mới',
      'Quy định mới về dạy thêm, học thêm có hiệu lực',
      'Hơn một triệu thí sinh đăng ký dự thi tốt nghiệp THPT',
    ],
  },
  leads: {
    positive: [
      'Sau nhiều năm học trong phòng học tạm, thầy trò {subject} đã được chuyển sang ngôi trường mới với đầy đủ phòng học bộ môn.',
      'Chính sách miễn học phí giúp hàng nghìn gia đình ở {placeShort} giảm bớt gánh nặng chi phí mỗi năm học.',
      'Với sự đầu tư bài bản, {subject} vừa được công nhận đạt chuẩn quốc gia, trở thành điểm sáng của ngành giáo dục địa phương.',
    ],
    negative: [
      'Năm học mới đã bắt đầu nhưng {subject} vẫn thiếu {n} giáo viên, nhiều môn học phải xếp lịch chắp vá.',
      'Nhiều phụ huynh {subject} phản ánh danh sách khoản thu đầu năm dày đặc, có khoản không đúng quy định.',
      'Tường nứt, trần bong tróc, {subject} đã xuống cấp nghiêm trọng nhưng chưa được bố trí kinh phí sửa chữa.',
    ],
    neutral: [
      'Sở Giáo dục và Đào tạo {placeShort} vừa ban hành văn bản hướng dẫn nhiệm vụ năm học {year} cho các trường trên địa bàn.',
      'Bộ Giáo dục và Đào tạo cho biết phương án thi tốt nghiệp THPT năm {year} cơ bản giữ ổn định như năm trước.',
      'Theo kế hoạch, học sinh {placeShort} sẽ tựu trường vào cuối tháng 8, khai giảng ngày 5/9.',
    ],
  },
  body: {
    positive: [
      'Ngôi trường mới có {n} phòng học, thư viện, phòng tin học và sân thể thao rộng rãi.',
      'Tỷ lệ học sinh đi học đúng độ tuổi đạt gần như tuyệt đối.',
      'Giáo viên được bồi dưỡng phương pháp mới, học sinh hứng thú hơn với các tiết học trải nghiệm.',
      'Nhiều em học sinh nghèo được nhận học bổng, sách vở và xe đạp để đến trường.',
      'Kết quả thi tốt nghiệp của địa phương tăng {n} bậc so với năm trước.',
      'Bữa ăn bán trú được hỗ trợ giúp học sinh vùng cao yên tâm ở lại trường.',
    ],
    negative: [
      'Một giáo viên phải dạy cùng lúc hai lớp ghép, chất lượng khó bảo đảm.',
      'Nhiều khoản thu như quỹ lớp, tiền máy chiếu, tiền vệ sinh bị phụ huynh phản ánh là lạm thu.',
      'Mùa mưa, nước dột khắp phòng, học sinh phải kê bàn sang một góc để học.',
      'Lương thấp khiến khoảng {n}0 giáo viên của địa phương xin nghỉ việc trong năm.',
      'Việc dạy thêm tràn lan tạo áp lực học tập lớn cho học sinh.',
      'Hàng trăm học sinh phải học nhờ ở nhà văn hóa thôn vì thiếu phòng học.',
    ],
    neutral: [
      'Năm học mới, toàn {placeShort} có khoảng {big} học sinh các cấp.',
      'Kỳ thi tốt nghiệp THPT gồm bốn môn, trong đó Toán và Ngữ văn là bắt buộc.',
      'Các trường được yêu cầu công khai các khoản thu trước khi thực hiện.',
      'Chương trình giáo dục phổ thông 2018 đã được triển khai ở tất cả các khối lớp.',
      'Nhà trường tổ chức họp phụ huynh đầu năm vào tuần thứ hai của tháng 9.',
      'Kinh phí sửa chữa trường lớp được bố trí từ ngân sách địa phương và nguồn xã hội hóa.',
    ],
  },
  quotes: {
    positive: [
      'Trường mới đẹp quá, chúng em được học máy tính và có sân chơi rộng.',
      'Miễn học phí là chính sách rất nhân văn, nhiều gia đình bớt lo mỗi dịp tựu trường.',
      'Chúng tôi sẽ tiếp tục đầu tư cho giáo viên vì đó là yếu tố quyết định chất lượng.',
    ],
    negative: [
      'Đầu năm nào cũng phải đóng cả chục khoản, gia đình làm nông như tôi không kham nổi.',
      'Thiếu giáo viên mà không tuyển được vì lương quá thấp so với áp lực công việc.',
      'Mưa to là các cháu phải nghỉ học, chúng tôi rất lo cho an toàn của con.',
    ],
    neutral: [
      'Mọi khoản thu phải được sự đồng thuận của phụ huynh và đúng quy định.',
      'Phương án thi được công bố sớm để học sinh và nhà trường chủ động ôn tập.',
      'Sở sẽ kiểm tra việc thực hiện quy định về dạy thêm, học thêm tại các trường.',
    ],
  },
  tags: ['Giáo dục', 'Sách giáo khoa', 'Thi tốt nghiệp THPT', 'Học phí', 'Giáo viên'],
  captions: ['Học sinh trong giờ học', 'Phòng học được xây mới', 'Phụ huynh đưa con đến trường'],
};
