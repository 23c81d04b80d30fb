import type { TopicBank } from '../bank.js';

/** Environment and disasters: urban flooding, landslides, pollution, storms. */
export const environment: TopicBank = {
  id: 'environment',
  related: ['construction', 'social_security'],
  section: { name: 'Thời sự', slug: 'thoi-su' },
  subjects: [
    'khu vực trung tâm {placeShort}', 'vùng ven biển {placeShort}', 'các xã miền núi {placeShort}',
    'lưu vực sông chảy qua {placeShort}', 'khu dân cư {commune}',
  ],
  agencies: ['Sở Nông nghiệp và Môi trường {placeShort}', 'Ban Chỉ huy phòng thủ dân sự {placeShort}', 'Công ty Thoát nước {placeShort}'],
  ministries: ['Bộ Nông nghiệp và Môi trường'],
  departments: ['Cục Quản lý đê điều và Phòng, chống thiên tai', 'Cục Biến đổi khí hậu', 'Cục Kiểm soát ô nhiễm môi trường'],
  titles: {
    positive: [
      'Hệ thống chống ngập phát huy hiệu quả, {subject} không còn ngập sau mưa lớn',
      'Sơ tán kịp thời hàng nghìn hộ dân, không có thương vong do bão',
      'Dòng sông từng "chết" ở {placeShort} hồi sinh nhờ xử lý nước thải',
      'Trồng mới {big} ha rừng ngập mặn bảo vệ bờ biển',
    ],
    negative: [
      'Mưa lớn, {subject} ngập sâu, giao thông tê liệt',
      'Sạt lở nghiêm trọng tại {subject}, hàng chục hộ dân phải di dời khẩn cấp',
      'Ô nhiễm không khí ở mức nguy hại, người dân khổ sở',
      'Rác thải ùn ứ, bãi chôn lấp quá tải gây ô nhiễm {subject}',
    ],
    neutral: [
      'Dự báo thời tiết: mưa lớn diện rộng tại {subject}',
      '{placeShort} triển khai phương án phòng, chống thiên tai mùa mưa bão',
      'Công bố kịch bản biến đổi khí hậu cập nhật',
      'Lấy ý kiến về quy hoạch thoát nước {placeShort}',
    ],
  },
  leads: {
    positive: [
      'Trận mưa lớn tối qua không còn gây ngập như mọi năm nhờ hệ thống cống, hồ điều hòa mới được đưa vào vận hành tại {subject}.',
      'Nhờ chủ động sơ tán người dân khỏi vùng nguy hiểm, {placeShort} đã không để xảy ra thiệt hại về người khi bão đổ bộ.',
      'Sau khi nhà máy xử lý nước thải đi vào hoạt động, chất lượng nước dòng sông chảy qua {placeShort} đã cải thiện rõ rệt.',
    ],
    negative: [
      'Cơn mưa kéo dài nhiều giờ khiến nhiều tuyến phố tại {subject} ngập sâu nửa mét, hàng nghìn phương tiện chết máy giữa đường.',
      'Những vết nứt lớn xuất hiện trên sườn đồi, đe dọa tính mạng và tài sản của hàng chục hộ dân tại {subject}.',
      'Chỉ số chất lượng không khí liên tục ở mức xấu, có thời điểm nguy hại, ảnh hưởng trực tiếp đến sức khỏe người dân.',
    ],
    neutral: [
      'Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết trong {n} ngày tới, {subject} có mưa to đến rất to.',
      '{agency} vừa ban hành kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}.',
      'Bộ Nông nghiệp và Môi trường công bố kịch bản biến đổi khí hậu, trong đó có dự báo mực nước biển dâng đến cuối thế kỷ.',
    ],
  },
  body: {
    positive: [
      'Hồ điều hòa có sức chứa khoảng {big} nghìn mét khối, giảm tải cho hệ thống cống.',
      'Lực lượng chức năng túc trực 24/24 giờ, sẵn sàng phương tiện ứng cứu.',
      'Người dân được hỗ trợ di dời đến nơi ở mới an toàn, có đủ điện, nước sinh hoạt.',
      'Rừng ngập mặn được phục hồi giúp giảm sóng, chống xói lở bờ biển hiệu quả.',
      'Các cơ sở sản xuất gây ô nhiễm đã được di dời khỏi khu dân cư.',
    ],
    negative: [
      'Nước tràn vào nhà, nhiều gia đình phải kê đồ đạc lên cao, thức trắng đêm chống ngập.',
      'Khoảng {n} hộ dân nằm trong vùng nguy cơ sạt lở cao nhưng chưa có quỹ đất tái định cư.',
      'Mùi hôi từ bãi rác bốc lên nồng nặc, người dân phải đóng cửa cả ngày.',
      'Nhiều dự án chống ngập chậm tiến độ, vốn đầu tư lớn nhưng hiệu quả chưa rõ.',
      'Nước thải chưa qua xử lý xả thẳng ra sông khiến cá chết hàng loạt.',
      'Thiệt hại ban đầu ước tính khoảng {money}, hàng trăm ha hoa màu bị ngập úng.',
    ],
    neutral: [
      'Lượng mưa đo được phổ biến từ 50 đến 150 mm, có nơi trên 200 mm.',
      'Các địa phương được yêu cầu rà soát khu vực có nguy cơ sạt lở, ngập lụt.',
      'Người dân cần theo dõi bản tin dự báo và chủ động phòng tránh.',
      'Quy hoạch thoát nước được lập cho giai đoạn đến năm 2035, tầm nhìn 2050.',
      'Chỉ số chất lượng không khí được quan trắc tự động và công bố hằng giờ.',
    ],
  },
  quotes: {
    positive: [
      'Mọi năm mưa thế này là nhà tôi ngập tới đầu gối, năm nay nước rút rất nhanh.',
      'Phương châm bốn tại chỗ được thực hiện nghiêm nên thiệt hại được giảm thiểu.',
    ],
    negative: [
      'Cứ mưa là ngập, năm nào cũng hứa chống ngập mà tình hình không khá hơn.',
      'Đêm nào nghe mưa cũng không dám ngủ, sợ đất sạt xuống nhà.',
      'Con tôi ho suốt cả tháng nay vì khói bụi, đi khám bác sĩ bảo do ô nhiễm.',
    ],
    neutral: [
      'Các lực lượng đã sẵn sàng phương án ứng phó theo từng cấp độ rủi ro thiên tai.',
      'Cơ quan chuyên môn đang khảo sát, đánh giá mức độ nguy hiểm để có phương án xử lý.',
    ],
  },
  tags: ['Ngập lụt', 'Thiên tai', 'Sạt lở', 'Ô nhiễm môi trường', 'Biến đổi khí hậu'],
  captions: ['Tuyến phố ngập sau mưa lớn', 'Lực lượng chức năng hỗ trợ người dân', 'Điểm sạt lở ven đồi'],
};
