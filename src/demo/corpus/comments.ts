/** Reader comments ("Ý kiến bạn đọc"): short, informal, by the article's tone. */
import type { BySentiment } from './bank.js';

/** Comment texts by the tone of the article they sit under. */
export const COMMENTS: BySentiment = {
  positive: [
    'Làm được như vậy là rất đáng khen, mong các tỉnh khác học tập.',
    'Cuối cùng cũng có tin vui, cảm ơn các anh chị đã vất vả.',
    'Thủ tục nhanh gọn hơn hẳn, tôi vừa đi làm tuần trước, rất hài lòng.',
    'Hy vọng giữ được chất lượng lâu dài chứ không chỉ làm phong trào.',
    'Tin tốt cho bà con quê tôi.',
  ],
  negative: [
    'Năm nào cũng hứa, rồi đâu lại vào đấy.',
    'Phải làm rõ trách nhiệm người đứng đầu, không thể cứ rút kinh nghiệm mãi.',
    'Nhà tôi ở ngay cạnh, đúng như báo viết, khổ lắm.',
    'Tiền thuế của dân mà làm thế này thì quá lãng phí.',
    'Đề nghị báo tiếp tục theo đuổi vụ này đến cùng.',
    'Đọc mà thấy buồn, bao giờ mới hết cảnh này?',
  ],
  neutral: [
    'Cho tôi hỏi quy định này áp dụng cho cả người đang làm thủ tục dở dang không?',
    'Thông tin hữu ích, cảm ơn báo.',
    'Mong có hướng dẫn cụ thể hơn cho người dân ở vùng xa.',
    'Cần công khai danh sách để dân được biết và giám sát.',
    'Chờ xem triển khai thực tế thế nào.',
  ],
};

/** Screen names readers use. */
export const COMMENTER_NAMES: readonly string[] = [
  'Nguyễn Văn Tâm', 'Hoa Lê', 'tuananh88', 'Minh Khôi', 'Bác Ba Phi', 'Trần Thu', 'Người Sài Gòn',
  'Phạm Quang', 'Lan Hương', 'dan_mien_tay', 'Hữu Nghĩa', 'Cô giáo Thảo', 'Lê Bảo', 'Kỹ sư cầu đường',
];
