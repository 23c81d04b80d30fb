/**
 * Names that fill the sentence banks: provinces (the 34 units after the 2025 merger, some with the
 * old province they absorbed so gazetteers have old names to map), communes, people and roles.
 */

/** A province-level unit. */
export interface Province {
  /** `tỉnh Nghệ An`, `thành phố Đà Nẵng`. */
  full: string;
  /** `Nghệ An`, `Đà Nẵng`. */
  short: string;
  /** Old provinces merged into this one in 2025 (mentioned now and then, as the press does). */
  formerly?: string;
}

/** Province-level units after the 2025 reorganisation. */
export const PROVINCES: readonly Province[] = [
  { full: 'thành phố Hà Nội', short: 'Hà Nội' },
  { full: 'Thành phố Hồ Chí Minh', short: 'TP.HCM', formerly: 'Bình Dương' },
  { full: 'thành phố Hải Phòng', short: 'Hải Phòng', formerly: 'Hải Dương' },
  { full: 'thành phố Đà Nẵng', short: 'Đà Nẵng', formerly: 'Quảng Nam' },
  { full: 'thành phố Huế', short: 'Huế' },
  { full: 'thành phố Cần Thơ', short: 'Cần Thơ', formerly: 'Sóc Trăng' },
  { full: 'tỉnh Quảng Ninh', short: 'Quảng Ninh' },
  { full: 'tỉnh Lào Cai', short: 'Lào Cai', formerly: 'Yên Bái' },
  { full: 'tỉnh Thái Nguyên', short: 'Thái Nguyên', formerly: 'Bắc Kạn' },
  { full: 'tỉnh Phú Thọ', short: 'Phú Thọ', formerly: 'Vĩnh Phúc' },
  { full: 'tỉnh Bắc Ninh', short: 'Bắc Ninh', formerly: 'Bắc Giang' },
  { full: 'tỉnh Hưng Yên', short: 'Hưng Yên', formerly: 'Thái Bình' },
  { full: 'tỉnh Ninh Bình', short: 'Ninh Bình', formerly: 'Nam Định' },
  { full: 'tỉnh Thanh Hóa', short: 'Thanh Hóa' },
  { full: 'tỉnh Nghệ An', short: 'Nghệ An' },
  { full: 'tỉnh Hà Tĩnh', short: 'Hà Tĩnh' },
  { full: 'tỉnh Quảng Trị', short: 'Quảng Trị', formerly: 'Quảng Bình' },
  { full: 'tỉnh Quảng Ngãi', short: 'Quảng Ngãi', formerly: 'Kon Tum' },
  { full: 'tỉnh Gia Lai', short: 'Gia Lai', formerly: 'Bình Định' },
  { full: 'tỉnh Khánh Hòa', short: 'Khánh Hòa', formerly: 'Ninh Thuận' },
  { full: 'tỉnh Đắk Lắk', short: 'Đắk Lắk', formerly: 'Phú Yên' },
  { full: 'tỉnh Lâm Đồng', short: 'Lâm Đồng', formerly: 'Bình Thuận' },
  { full: 'tỉnh Đồng Nai', short: 'Đồng Nai', formerly: 'Bình Phước' },
  { full: 'tỉnh Tây Ninh', short: 'Tây Ninh', formerly: 'Long An' },
  { full: 'tỉnh Vĩnh Long', short: 'Vĩnh Long', formerly: 'Bến Tre' },
  { full: 'tỉnh Đồng Tháp', short: 'Đồng Tháp', formerly: 'Tiền Giang' },
  { full: 'tỉnh An Giang', short: 'An Giang', formerly: 'Kiên Giang' },
  { full: 'tỉnh Cà Mau', short: 'Cà Mau', formerly: 'Bạc Liêu' },
  { full: 'tỉnh Tuyên Quang', short: 'Tuyên Quang', formerly: 'Hà Giang' },
  { full: 'tỉnh Sơn La', short: 'Sơn La' },
  { full: 'tỉnh Điện Biên', short: 'Điện Biên' },
  { full: 'tỉnh Cao Bằng', short: 'Cao Bằng' },
  { full: 'tỉnh Lạng Sơn', short: 'Lạng Sơn' },
  { full: 'tỉnh Lai Châu', short: 'Lai Châu' },
];

/** Commune/ward names (post-2025 communes carry new names; these are generic and invented). */
export const COMMUNES: readonly string[] = [
  'xã Hòa Tiến', 'phường Tân Định', 'xã Phú Lộc', 'phường Thành Công', 'xã Yên Mỹ', 'xã Đông Sơn',
  'phường An Khánh', 'xã Tam Phước', 'xã Thạch Hà', 'phường Bình Minh', 'xã Quỳnh Lưu', 'xã Nghĩa Hành',
  'phường Hòa Xuân', 'xã Long Phú', 'xã Tân Châu', 'phường Cửa Nam', 'xã Mường Lát', 'xã Vĩnh Thạnh',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Võ', 'Trịnh'];
const MIDDLE_MALE = ['Văn', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Hữu', 'Công', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Kim'];
const GIVEN_MALE = ['Hùng', 'Dũng', 'Tuấn', 'Long', 'Thắng', 'Nam', 'Sơn', 'Bình', 'Khoa', 'Phúc', 'Hải', 'Lâm', 'Toàn', 'Quang'];
const GIVEN_FEMALE = ['Lan', 'Hương', 'Mai', 'Hạnh', 'Thảo', 'Nga', 'Yến', 'Trang', 'Loan', 'Huyền', 'Dung', 'Hà'];

/** Parts from which person names are drawn. */
export const NAME_PARTS = { FAMILY, MIDDLE_MALE, MIDDLE_FEMALE, GIVEN_MALE, GIVEN_FEMALE } as const;

/** Official roles; `{agency}` is filled with the article's agency. */
export const OFFICIAL_ROLES: readonly string[] = [
  'Giám đốc {agency}', 'Phó Giám đốc {agency}', 'Phó Chủ tịch UBND {placeShort}', 'Chủ tịch UBND {placeShort}',
  'Thứ trưởng {ministry}', 'Cục trưởng {department}', 'đại diện {agency}', 'Phó Cục trưởng {department}',
];

/** Ordinary people who speak in the first person. */
export const PEOPLE_ROLES: readonly string[] = [
  'người dân {commune}', 'tiểu thương ở {commune}', 'một phụ huynh tại {placeShort}', 'chủ một doanh nghiệp tại {placeShort}',
  'người dân ở {commune}, {placeShort}',
];

/** Critics quoted in negative stories. */
export const CRITIC_ROLES: readonly string[] = [
  'chuyên gia kinh tế', 'đại biểu Quốc hội đoàn {placeShort}', 'luật sư, Đoàn Luật sư {placeShort}', 'chuyên gia chính sách công',
];
