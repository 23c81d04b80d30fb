/** Dashboard strings: Vietnamese first, English on the switch. */
const VI = {
  appName: 'Policy Pulse', tagline: 'Theo dõi truyền thông chính sách',
  navOverview: 'Tổng quan', navTopics: 'Chủ đề', navStories: 'Dòng sự kiện', navSearch: 'Tìm kiếm', navAlerts: 'Cảnh báo', navSources: 'Nguồn tin',
  login: 'Đăng nhập', logout: 'Đăng xuất', username: 'Tên đăng nhập', password: 'Mật khẩu', loginFailed: 'Sai tên đăng nhập hoặc mật khẩu',
  loginIntro: 'Hệ thống giám sát thông tin báo chí về chính sách', devMode: 'Chế độ phát triển (chỉ máy cục bộ)',
  last30: '30 ngày qua', articles: 'Bài viết', negativeShare: 'Tỷ lệ tiêu cực', openAlerts: 'Cảnh báo đang mở', activeSources: 'Nguồn có bài',
  volumeBySentiment: 'Số bài theo ngày và sắc thái', sentimentShare: 'Cơ cấu sắc thái', topicTrend: 'Xu hướng theo chủ đề', topSources: 'Nguồn đăng nhiều nhất',
  latestAlerts: 'Cảnh báo mới nhất', noAlerts: 'Không có cảnh báo đang mở', forecast: 'Dự báo tin tiêu cực', forecastInterval: 'Khoảng dự báo', actual: 'Thực tế', predicted: 'Dự báo',
  positive: 'Tích cực', negative: 'Tiêu cực', neutral: 'Trung tính', unlabelled: 'Chưa phân loại',
  central: 'Trung ương', party: 'Báo Đảng', local: 'Địa phương', government: 'Cổng Chính phủ', other: 'Khác',
  chooseTopic: 'Chọn chủ đề', topStories: 'Sự kiện nổi bật', latestNegative: 'Bài tiêu cực mới nhất', bySource: 'Theo nguồn',
  storiesIntro: 'Các bài cùng một sự việc trên nhiều báo được gom lại', itemsCount: 'bài', outlets: 'nguồn', firstSeen: 'Xuất hiện', seeAll: 'Xem các bài',
  searchPlaceholder: 'Tìm kiếm, có thể gõ không dấu: duong sat, bao hiem…', searchButton: 'Tìm', from: 'Từ ngày', to: 'Đến ngày', allTopics: 'Mọi chủ đề',
  allPolicies: 'Mọi chính sách', allSentiments: 'Mọi sắc thái', allSources: 'Mọi nguồn', allTiers: 'Mọi loại báo', province: 'Tỉnh/thành', topic: 'Chủ đề', policy: 'Chính sách',
  sentiment: 'Sắc thái', source: 'Nguồn', tier: 'Loại báo', results: 'kết quả', noResults: 'Không tìm thấy bài phù hợp', prev: 'Trước', next: 'Sau', clear: 'Xóa bộ lọc',
  evidence: 'Căn cứ đánh giá', noEvidence: 'Không có cụm từ căn cứ', openOriginal: 'Mở bài gốc', confidence: 'độ tin cậy', entities: 'Thực thể', policies: 'Chính sách liên quan',
  partial: 'Chỉ có tóm tắt (không tải được bài đầy đủ)', story: 'Cùng sự kiện', back: 'Quay lại',
  statusOpen: 'Đang mở', statusAcknowledged: 'Đã tiếp nhận', statusResolved: 'Đã xử lý', all: 'Tất cả', acknowledge: 'Tiếp nhận', resolve: 'Đã xử lý xong',
  live: 'Trực tiếp', offline: 'Mất kết nối', ackBy: 'Tiếp nhận bởi', resolvedBy: 'Xử lý bởi', alertsUnavailable: 'Bộ phát hiện cảnh báo chưa chạy trong hệ thống này',
  am_i: 'Âm ỉ', bung_phat: 'Bùng phát', lan_rong: 'Lan rộng', topTerms: 'Từ khóa nổi bật', topTopics: 'Chủ đề được nhắc nhiều',
  negative_spike: 'Tin tiêu cực tăng đột biến', negative_share: 'Tỷ lệ tiêu cực cao bất thường', forecast_breach: 'Vượt ngưỡng dự báo', spike: 'Tăng đột biến', emerging: 'Vấn đề mới nổi', relatedArticles: 'Xem bài liên quan',
  sourceName: 'Nguồn', status: 'Trạng thái', lastPoll: 'Lần quét cuối', lastSuccess: 'Thành công cuối', failures: 'Lỗi liên tiếp', itemsTotal: 'Số bài', lastError: 'Lỗi gần nhất',
  ok: 'Hoạt động tốt', degraded: 'Có lỗi', failing: 'Đang lỗi', never_polled: 'Chưa quét', disabled: 'Tạm tắt',
  loading: 'Đang tải…', error: 'Lỗi', retry: 'Thử lại', language: 'English', queues: 'Hàng đợi', never: 'chưa', field_title: 'tiêu đề', field_lead: 'sapo', field_text: 'nội dung',
};

/** A key of the dictionary. */
export type Key = keyof typeof VI;

const EN: Record<Key, string> = {
  appName: 'Policy Pulse', tagline: 'Policy communication monitor',
  navOverview: 'Overview', navTopics: 'Topics', navStories: 'Stories', navSearch: 'Search', navAlerts: 'Alerts', navSources: 'Sources',
  login: 'Log in', logout: 'Log out', username: 'Username', password: 'Password', loginFailed: 'Wrong username or password',
  loginIntro: 'Press monitoring for policy communication', devMode: 'Development mode (localhost only)',
  last30: 'Last 30 days', articles: 'Articles', negativeShare: 'Negative share', openAlerts: 'Open alerts', activeSources: 'Sources publishing',
  volumeBySentiment: 'Articles per day by sentiment', sentimentShare: 'Sentiment share', topicTrend: 'Trend by topic', topSources: 'Most active sources',
  latestAlerts: 'Latest alerts', noAlerts: 'No open alerts', forecast: 'Negative news forecast', forecastInterval: 'Forecast interval', actual: 'Actual', predicted: 'Forecast',
  positive: 'Positive', negative: 'Negative', neutral: 'Neutral', unlabelled: 'Unlabelled',
  central: 'Central', party: 'Party press', local: 'Local', government: 'Government portal', other: 'Other',
  chooseTopic: 'Choose a topic', topStories: 'Top stories', latestNegative: 'Latest negative articles', bySource: 'By source',
  storiesIntro: 'Articles about the same event across outlets are grouped', itemsCount: 'articles', outlets: 'outlets', firstSeen: 'First seen', seeAll: 'Show articles',
  searchPlaceholder: 'Search; accents optional: duong sat, bao hiem…', searchButton: 'Search', from: 'From', to: 'To', allTopics: 'All topics',
  allPolicies: 'All policies', allSentiments: 'All sentiments', allSources: 'All sources', allTiers: 'All outlet types', province: 'Province', topic: 'Topic', policy: 'Policy',
  sentiment: 'Sentiment', source: 'Source', tier: 'Outlet type', results: 'results', noResults: 'No matching articles', prev: 'Previous', next: 'Next', clear: 'Clear filters',
  evidence: 'Evidence', noEvidence: 'No evidence phrases', openOriginal: 'Open original', confidence: 'confidence', entities: 'Entities', policies: 'Related policies',
  partial: 'Summary only (the full article could not be fetched)', story: 'Same story', back: 'Back',
  statusOpen: 'Open', statusAcknowledged: 'Acknowledged', statusResolved: 'Resolved', all: 'All', acknowledge: 'Acknowledge', resolve: 'Resolve',
  live: 'Live', offline: 'Disconnected', ackBy: 'Acknowledged by', resolvedBy: 'Resolved by', alertsUnavailable: 'The alert detector is not running in this deployment',
  am_i: 'Smouldering', bung_phat: 'Flare-up', lan_rong: 'Spreading', topTerms: 'Top terms', topTopics: 'Most covered topics',
  negative_spike: 'Negative news spike', negative_share: 'Unusual negative share', forecast_breach: 'Forecast breached', spike: 'Spike', emerging: 'Emerging issue', relatedArticles: 'Related articles',
  sourceName: 'Source', status: 'Status', lastPoll: 'Last poll', lastSuccess: 'Last success', failures: 'Failures in a row', itemsTotal: 'Articles', lastError: 'Last error',
  ok: 'Healthy', degraded: 'Degraded', failing: 'Failing', never_polled: 'Never polled', disabled: 'Disabled',
  loading: 'Loading…', error: 'Error', retry: 'Retry', language: 'Tiếng Việt', queues: 'Queues', never: 'never', field_title: 'title', field_lead: 'lead', field_text: 'body',
};

export type Lang = 'vi' | 'en';
let lang: Lang = (localStorage.getItem('pulse.lang') as Lang | null) === 'en' ? 'en' : 'vi';

/** Current language. */
export function currentLang(): Lang {
  return lang;
}

/** Switch language (remembered in localStorage). */
export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('pulse.lang', next);
  document.documentElement.lang = next;
}

/** Translate a key; unknown dynamic keys (e.g. a new severity) fall back to the key itself. */
export function t(key: Key | string): string {
  const dict = lang === 'vi' ? VI : EN;
  return (dict as Record<string, string>)[key] ?? key;
}

/** Format an ISO instant in Vietnam time. */
export function formatTime(iso: string | null | undefined, withTime = true): string {
  if (!iso) return t('never');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d);
}

/** Format a number with the locale's separators. */
export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}
