import type { Rng } from '@village/domain';

/**
 * Synthetic Vietnamese names for household heads and small businesses. Surname weights follow the
 * well-known national distribution (Nguyễn ≈ 38 %); any match with a real person is coincidence.
 */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Phan', 4.5],
  ['Võ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];
const SURNAME_TOTAL = SURNAMES.reduce((sum, [, w]) => sum + w, 0);

const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Đức', 'Công'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ'];
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Phúc',
  'Tài',
  'Lộc',
  'Hải',
  'Sơn',
  'Long',
  'Nam',
  'Bình',
  'Tâm',
  'Thành',
  'Hiếu',
  'Khang',
  'Tùng',
  'Trung',
  'Nghĩa',
  'Thắng',
  'Vinh',
];
const FEMALE_GIVEN = [
  'Lan',
  'Hoa',
  'Hương',
  'Mai',
  'Hạnh',
  'Thảo',
  'Trang',
  'Nhung',
  'Phượng',
  'Yến',
  'Loan',
  'Diệu',
  'Hồng',
  'Tuyết',
  'Cúc',
  'Liên',
];

function surname(rng: Rng): string {
  let draw = rng.next() * SURNAME_TOTAL;
  for (const [name, weight] of SURNAMES) {
    draw -= weight;
    if (draw < 0) return name;
  }
  return 'Nguyễn';
}

export function personName(rng: Rng): { fullName: string; givenName: string } {
  const female = rng.next() < 0.4;
  const givenName = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  return { fullName: `${surname(rng)} ${middle} ${givenName}`, givenName };
}

const SHOP_KINDS = ['Tạp hóa', 'Quán cà phê', 'Tiệm sửa xe', 'Quán cơm', 'Tiệm tạp hóa', 'Quán hủ tiếu'];
const WORKSHOP_KINDS = ['Xưởng mộc', 'Cơ khí', 'Xưởng gốm', 'Cơ sở làm nhang'];

/** "Tạp hóa Hương (Trần Thị Hương)": shops are known by the owner's given name. */
export function shopName(rng: Rng): string {
  const owner = personName(rng);
  return `${rng.pick(SHOP_KINDS)} ${owner.givenName} (${owner.fullName})`;
}

export function workshopName(rng: Rng): string {
  const owner = personName(rng);
  return `${rng.pick(WORKSHOP_KINDS)} ${owner.givenName} (${owner.fullName})`;
}

export function dryerYardName(rng: Rng): string {
  const owner = personName(rng);
  return `Cơ sở sấy lúa ${owner.givenName} (${owner.fullName})`;
}
