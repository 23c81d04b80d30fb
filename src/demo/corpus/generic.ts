/**
 * Topic-agnostic sentences: context, closings and the verbs that introduce quotes. Mixed into
 * every article so paragraphs do not read as one bank repeated.
 */
import type { BySentiment } from './bank.js';

/** Context sentences that fit any policy story. */
export const GENERIC_BODY: BySentiment = {
  positive: [
    'Kết quả này được người dân đồng tình và đánh giá cao.',
    'Đây là tín hiệu tích cực, cho thấy sự vào cuộc đồng bộ của cả hệ thống chính trị.',
    'Nhiều chỉ tiêu đã hoàn thành vượt kế hoạch ngay từ đầu quý.',
    'Cách làm này đang được các địa phương khác học hỏi, nhân rộng.',
    'Lãnh đạo {placeShort} biểu dương các đơn vị đã hoàn thành tốt nhiệm vụ được giao.',
    'Người dân và doanh nghiệp ghi nhận sự thay đổi rõ rệt trong cách phục vụ của chính quyền.',
    'Mô hình được đánh giá hiệu quả, tiết kiệm chi phí và phù hợp thực tiễn.',
    'Sự đồng thuận của người dân là yếu tố then chốt tạo nên thành công.',
    'Kết quả đạt được tạo đà quan trọng để {placeShort} hoàn thành các mục tiêu của cả nhiệm kỳ.',
  ],
  negative: [
    'Nhiều ý kiến cho rằng trách nhiệm của các đơn vị liên quan chưa được làm rõ.',
    'Tình trạng này kéo dài nhiều tháng nhưng chưa có giải pháp căn cơ.',
    'Người dân bày tỏ sự bức xúc vì kiến nghị gửi đi nhiều lần vẫn chưa được phản hồi.',
    'Đây không phải lần đầu những bất cập như vậy bị phản ánh.',
    'Dư luận đặt câu hỏi về vai trò giám sát của cơ quan quản lý.',
    'Việc chậm trễ gây lãng phí nguồn lực và làm giảm niềm tin của người dân.',
    'Đại biểu Quốc hội đã chất vấn về vấn đề này tại kỳ họp gần nhất nhưng chuyển biến còn chậm.',
    'Chuyên gia cho rằng nguyên nhân sâu xa nằm ở khâu tổ chức thực hiện còn yếu.',
    'Nhiều hệ lụy đã xảy ra trước khi cơ quan chức năng vào cuộc.',
  ],
  neutral: [
    'Theo kế hoạch, kết quả thực hiện sẽ được báo cáo Chính phủ trước ngày 20 {month}.',
    'Các sở, ngành được yêu cầu phối hợp chặt chẽ, báo cáo định kỳ hằng tháng.',
    'Văn bản có hiệu lực kể từ ngày ký.',
    'Nội dung này sẽ tiếp tục được thảo luận tại phiên họp thường kỳ tháng tới.',
    'Cơ quan chủ trì có trách nhiệm tổng hợp ý kiến, hoàn thiện hồ sơ trình cấp có thẩm quyền.',
    'Thông tin chi tiết được đăng tải trên cổng thông tin điện tử của {placeShort}.',
    'Trước đó, vấn đề này đã được đưa vào chương trình công tác năm {year}.',
    'Báo cáo nêu rõ những kết quả đạt được, tồn tại, hạn chế và nguyên nhân.',
    'Cuộc họp có sự tham dự của đại diện các bộ, ngành và địa phương liên quan.',
    'Các ý kiến tại hội nghị tập trung vào nguồn lực thực hiện và phân công trách nhiệm.',
    'Theo số liệu thống kê, các chỉ tiêu chủ yếu cơ bản đạt kế hoạch đề ra.',
    'Địa phương đã thành lập tổ công tác để theo dõi, đôn đốc việc triển khai.',
    'Việc kiểm tra, giám sát được thực hiện định kỳ và đột xuất.',
    'Kinh phí thực hiện được bố trí từ ngân sách nhà nước và các nguồn hợp pháp khác.',
    'Văn bản hướng dẫn chi tiết dự kiến được ban hành trong quý tới.',
    'Nội dung đã được thông báo tới các cơ quan, đơn vị và người dân trên địa bàn.',
    'Người dân có thể phản ánh, kiến nghị qua đường dây nóng của {placeShort}.',
  ],
};

/** Closing sentences, one per article. */
export const GENERIC_CLOSINGS: BySentiment = {
  positive: [
    'Địa phương đặt mục tiêu duy trì kết quả này trong những tháng cuối năm.',
    'Thời gian tới, mô hình sẽ được mở rộng ra toàn {place}.',
    'Niềm vui của người dân là động lực để chính quyền tiếp tục đổi mới.',
  ],
  negative: [
    'Người dân mong các cơ quan chức năng sớm vào cuộc, xử lý dứt điểm.',
    'Phóng viên sẽ tiếp tục thông tin về vụ việc.',
    'Đến thời điểm đưa tin, đơn vị liên quan chưa có phản hồi chính thức.',
  ],
  neutral: [
    'Dự kiến cuối năm nay, cơ quan chức năng sẽ sơ kết, đánh giá kết quả thực hiện.',
    'Ý kiến góp ý gửi về cơ quan soạn thảo trước ngày 30 {month}.',
    'Việc triển khai sẽ được thực hiện theo lộ trình.',
  ],
};

/** Verbs that introduce a quote, by the quote's tone. */
export const QUOTE_VERBS: BySentiment = {
  positive: ['phấn khởi cho biết', 'khẳng định', 'chia sẻ', 'nhấn mạnh'],
  negative: ['bức xúc nói', 'phản ánh', 'cho biết', 'thẳng thắn nhìn nhận'],
  neutral: ['cho biết', 'thông tin', 'nêu rõ', 'cho hay'],
};

/** Sentences a syndicating outlet adds when it rewrites another outlet's story. */
export const SYNDICATION_EXTRAS: readonly string[] = [
  'Sự việc đang thu hút sự quan tâm của dư luận trong những ngày qua.',
  'Trao đổi với phóng viên, đại diện cơ quan chức năng xác nhận thông tin trên.',
  'Đây là nội dung được nhiều độc giả quan tâm, gửi câu hỏi về tòa soạn.',
  'Theo tìm hiểu của phóng viên, vấn đề đã được phản ánh từ nhiều tháng trước.',
  'Cùng ngày, nhiều cơ quan báo chí cũng đã phản ánh nội dung tương tự.',
];
