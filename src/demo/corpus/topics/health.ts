import type { TopicBank } from '../bank.js';

/** Health care: hospitals, health insurance, medicines, preventive care. */
export const health: TopicBank = {
  id: 'health',
  related: ['social_security'],
  section: { name: 'Sức khỏe', slug: 'suc-khoe' },
  subjects: [
    'Bệnh viện Đa khoa {placeShort}', 'Bệnh viện Nhi {placeShort}', 'Bệnh viện Sản Nhi {placeShort}',
    'Trung tâm Y tế khu vực {commune}', 'Bệnh viện Ung bướu {placeShort}', 'Bệnh viện Đa khoa khu vực phía Nam {placeShort}',
  ],
  agencies: ['Sở Y tế {placeShort}', 'Bảo hiểm xã hội {placeShort}', 'Bệnh viện Đa khoa {placeShort}', 'Trung tâm Kiểm soát bệnh tật {placeShort}'],
  ministries: ['Bộ Y tế'],
  departments: ['Cục Quản lý khám, chữa bệnh', 'Cục Quản lý dược', 'Cục Phòng bệnh'],
  titles: {
    positive: [
      '{subject} giảm tải nhờ đặt lịch khám trực tuyến',
      'Người bệnh hưởng lợi khi {subject} mở rộng khám ngoài giờ',
      'Phẫu thuật thành công ca bệnh hiếm tại {subject}',
      'Tỷ lệ bao phủ bảo hiểm y tế ở {placeShort} vượt {pct}%',
      'Không còn cảnh thiếu thuốc, {subject} đủ cơ số cho người bệnh',
    ],
    negative: [
      '{subject} quá tải, bệnh nhân nằm ghép hai ba người một giường',
      'Thiếu thuốc, vật tư kéo dài: người bệnh phải tự mua ngoài',
      'Bức xúc vì chờ khám cả ngày tại {subject}',
      'Hàng chục nhân viên y tế nghỉ việc, {subject} khó khăn chồng chất',
      'Sai phạm trong đấu thầu thiết bị y tế tại {subject}',
    ],
    neutral: [
      'Bộ Y tế lấy ý kiến dự thảo sửa đổi Luật Bảo hiểm y tế',
      'Từ tháng tới, thay đổi quy định về thanh toán bảo hiểm y tế',
      'Sở Y tế {placeShort} kiểm tra công tác khám chữa bệnh cuối năm',
      'Hướng dẫn mới về thanh toán chi phí khám chữa bệnh bảo hiểm y tế',
      '{placeShort} triển khai đợt tiêm chủng bổ sung cho trẻ dưới 5 tuổi',
    ],
  },
  leads: {
    positive: [
      'Sau khi áp dụng đặt lịch khám trực tuyến, thời gian chờ tại {subject} giảm từ nửa ngày xuống còn khoảng {n} phút.',
      'Nhờ chính sách mới, hàng nghìn người bệnh ở {placeShort} được hưởng quyền lợi bảo hiểm y tế cao hơn, giảm gánh nặng chi phí.',
      'Các bác sĩ của {subject} vừa thực hiện thành công kỹ thuật cao lần đầu tiên ở tuyến tỉnh, giúp người bệnh không phải chuyển lên tuyến trên.',
    ],
    negative: [
      'Những ngày qua, {subject} rơi vào cảnh quá tải nghiêm trọng, hành lang kín giường bệnh, người nhà phải trải chiếu ngủ ngoài sân.',
      'Tình trạng thiếu thuốc, vật tư y tế kéo dài khiến nhiều người bệnh bảo hiểm y tế phải tự bỏ tiền mua ngoài với giá cao.',
      'Nhiều người bệnh phản ánh phải xếp hàng từ sáng sớm, chờ đợi nhiều giờ nhưng vẫn chưa tới lượt khám tại {subject}.',
    ],
    neutral: [
      'Bộ Y tế vừa công bố dự thảo thông tư hướng dẫn khám chữa bệnh bảo hiểm y tế bằng căn cước công dân, lấy ý kiến rộng rãi trong 60 ngày.',
      'Sở Y tế {placeShort} đã có văn bản chỉ đạo các cơ sở khám chữa bệnh chuẩn bị phương án phục vụ người dân dịp cuối năm.',
      'Theo Bảo hiểm xã hội {placeShort}, số lượt khám chữa bệnh bảo hiểm y tế trong {month} đạt khoảng {big} lượt.',
    ],
  },
  body: {
    positive: [
      'Bệnh viện đã bố trí thêm {n} bàn khám, mở cửa từ 6 giờ sáng và làm việc cả thứ bảy.',
      'Người bệnh chỉ cần xuất trình căn cước công dân gắn chip là hoàn tất thủ tục trong vài phút.',
      'Tỷ lệ hài lòng của người bệnh theo khảo sát độc lập đạt trên {pct}%.',
      'Kho thuốc đã được bổ sung đủ cơ số cho sáu tháng tới sau khi hoàn thành đấu thầu tập trung.',
      'Nhiều kỹ thuật mới được chuyển giao từ tuyến trung ương, giúp giảm tỷ lệ chuyển tuyến.',
      'Bệnh nhân nghèo, người dân tộc thiểu số được hỗ trợ toàn bộ chi phí cùng chi trả.',
      'Ca phẫu thuật kéo dài khoảng sáu giờ, hiện sức khỏe người bệnh đã ổn định.',
    ],
    negative: [
      'Khoa Nhi có khoảng {n}0 giường nhưng thường xuyên điều trị gấp đôi số bệnh nhân.',
      'Nhiều loại thuốc thiết yếu hết hàng từ nhiều tuần, bệnh viện chỉ có thể kê đơn để người bệnh tự mua.',
      'Một người nhà bệnh nhân cho biết phải chờ gần năm tiếng mới được làm xét nghiệm.',
      'Trong năm, khoảng {n}0 bác sĩ và điều dưỡng xin nghỉ việc vì thu nhập thấp, áp lực cao.',
      'Máy chụp cộng hưởng từ hỏng nhiều tháng chưa được sửa vì vướng thủ tục mua sắm.',
      'Thanh tra phát hiện giá một số thiết bị cao hơn thị trường tới {pct}%, gây thất thoát ngân sách.',
      'Các trạm y tế xã thiếu bác sĩ, người dân vùng sâu vẫn phải vượt hàng chục cây số để khám bệnh.',
    ],
    neutral: [
      'Theo quy định hiện hành, người tham gia bảo hiểm y tế được thanh toán chi phí khám chữa bệnh theo mức hưởng tương ứng.',
      'Dự thảo bổ sung {n} nhóm đối tượng được ngân sách hỗ trợ đóng bảo hiểm y tế.',
      'Các cơ sở y tế được yêu cầu công khai giá dịch vụ và niêm yết tại nơi tiếp đón người bệnh.',
      'Thời gian áp dụng dự kiến từ ngày 1 {month} năm {year}.',
      'Ngành y tế {placeShort} hiện có khoảng {big} giường bệnh và {n} bệnh viện tuyến tỉnh.',
      'Kết quả kiểm tra sẽ được tổng hợp, báo cáo Bộ Y tế trong quý tới.',
      'Người dân có thể tra cứu thông tin thẻ bảo hiểm y tế trên ứng dụng định danh điện tử.',
    ],
  },
  quotes: {
    positive: [
      'Trước kia tôi phải đi từ 4 giờ sáng để lấy số, giờ đặt lịch trên điện thoại là xong.',
      'Chúng tôi đặt mục tiêu người bệnh không phải chuyển tuyến với những kỹ thuật bệnh viện đã làm chủ.',
      'Nguồn thuốc đã ổn định, bệnh viện không còn tình trạng người bệnh phải mua ngoài.',
    ],
    negative: [
      'Con tôi sốt cao mà phải nằm chung giường với hai cháu khác, nóng bức lắm.',
      'Có bảo hiểm y tế mà vẫn phải tự mua thuốc thì đóng bảo hiểm để làm gì.',
      'Bác sĩ làm việc quá sức, thu nhập không đủ sống thì khó giữ người giỏi ở lại.',
    ],
    neutral: [
      'Bộ sẽ tiếp thu ý kiến góp ý để hoàn thiện dự thảo trước khi ban hành.',
      'Các cơ sở khám chữa bệnh cần thực hiện đúng quy trình, bảo đảm quyền lợi người tham gia bảo hiểm.',
      'Sở đã yêu cầu các bệnh viện báo cáo nhu cầu thuốc, vật tư cho năm tới.',
    ],
  },
  tags: ['Y tế', 'Bảo hiểm y tế', 'Bệnh viện', 'Quá tải bệnh viện', 'Thuốc'],
  captions: ['Người bệnh chờ khám tại bệnh viện', 'Bác sĩ thăm khám cho bệnh nhi', 'Khu vực tiếp đón người bệnh'],
};
