/**
 * Synthetic people who are on no list: common given names and surnames of the places payroll
 * platforms hire from, combined by a seeded generator so every run screens the same names.
 */

// biome-ignore format: name tables read better packed
const CULTURES: readonly {
  given: readonly string[];
  family: readonly string[];
  middle?: readonly string[];
}[] = [
  {
    given: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'William', 'Emily', 'Daniel', 'Sarah', 'Thomas', 'Laura', 'Matthew', 'Olivia'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young'],
    middle: ['Lee', 'Ann', 'James', 'Marie', 'Paul', 'Grace'],
  },
  {
    given: ['Jose', 'Maria', 'Juan', 'Carmen', 'Luis', 'Ana', 'Carlos', 'Lucia', 'Miguel', 'Sofia', 'Javier', 'Elena', 'Pablo', 'Isabel'],
    family: ['Garcia', 'Rodriguez', 'Martinez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera', 'Gomez', 'Diaz', 'Moreno'],
  },
  {
    given: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie', 'Jan', 'Katarzyna', 'Piotr', 'Tomasz', 'Eva', 'Pierre', 'Camille'],
    family: ['Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Kowalski', 'Nowak', 'Wisniewski', 'Dubois', 'Martin', 'Bernard', 'Lefebvre'],
  },
  {
    given: ['Ivan', 'Dmitry', 'Olga', 'Anna', 'Sergey', 'Natalia', 'Alexei', 'Irina', 'Mikhail', 'Tatiana', 'Pavel', 'Elena', 'Andriy', 'Oksana', 'Maksim'],
    family: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Fedorov', 'Morozov', 'Volkov', 'Alekseev', 'Lebedev', 'Kovalenko', 'Shevchenko', 'Bondarenko'],
    middle: ['Ivanovich', 'Petrovna', 'Sergeyevich', 'Alexandrovna', 'Nikolaevich', 'Olegovna'],
  },
  {
    given: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Yan', 'Hao', 'Xiu Ying', 'Jun', 'Li Na', 'Yong', 'Xiaoming', 'Hui', 'Zhiwei', 'Mei'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'],
  },
  {
    given: ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Yu-na', 'Ho-seok', 'Min-seo', 'Ji-woo', 'So-hee', 'Do-yun', 'Ha-eun', 'Su-bin', 'Hyun-woo', 'Ye-jin', 'Dong-hyun', 'Eun-ji', 'Seung-min'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang'],
  },
  {
    given: ['Ahmed', 'Fatima', 'Omar', 'Aisha', 'Youssef', 'Layla', 'Khalid', 'Mariam', 'Hassan', 'Noor', 'Tariq', 'Salma', 'Karim', 'Rania', 'Bilal'],
    family: ['Haddad', 'Nasser', 'Khoury', 'Saleh', 'Mansour', 'Farah', 'Aziz', 'Hamdan', 'Qasim', 'Darwish', 'Jaber', 'Sabbagh', 'Najjar', 'Shami'],
  },
  {
    given: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Pooja', 'Sanjay', 'Divya', 'Amit', 'Neha', 'Karthik'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Joshi', 'Rao', 'Das', 'Chopra', 'Banerjee', 'Menon'],
  },
  {
    given: ['Nguyen Van', 'Thi', 'Minh', 'Linh', 'Hieu', 'Trang', 'Duc', 'Lan', 'Tuan', 'Huong'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  {
    given: ['Hiroshi', 'Yuki', 'Takashi', 'Aiko', 'Kenji', 'Sakura', 'Haruto', 'Yui', 'Emre', 'Elif', 'Mehmet', 'Zeynep', 'Chinedu', 'Amara', 'Kwame', 'Ama'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Yilmaz', 'Kaya', 'Demir', 'Celik', 'Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Okonkwo'],
  },
];

/** A small deterministic generator (mulberry32): the same people on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct synthetic names, a fifth of them with a middle name or patronymic where the culture uses one. */
export function cleanPeople(count: number, seed = 11): string[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 50; tries++) {
    const c = pick(CULTURES);
    const middle = c.middle && next() < 0.2 ? ` ${pick(c.middle)}` : '';
    out.add(
      next() < 0.5
        ? `${pick(c.given)}${middle} ${pick(c.family)}`
        : `${pick(c.family)} ${pick(c.given)}${middle}`,
    );
  }
  return [...out];
}
