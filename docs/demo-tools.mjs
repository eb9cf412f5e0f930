// The tools that the runnable examples in these docs call. Each is a plain
// function of (input, ctx); the docs test imports this module.

const cities = {
  berlin: { name: "Berlin", lat: 52.52, lon: 13.41, country: "DE" },
  zurich: { name: "Zurich", lat: 47.37, lon: 8.54, country: "CH" },
};
const books = [
  { isbn: "978-0441013593", title: "Dune", author: "Frank Herbert", year: 1965, genre: "sf", price: 9.99 },
  { isbn: "978-0553283686", title: "Hyperion", author: "Dan Simmons", year: 1989, genre: "sf", price: 8.5 },
  { isbn: "978-0141439518", title: "Pride and Prejudice", author: "Jane Austen", year: 1813, genre: "classic", price: 4.25 },
];

/** Returns its input unchanged. */
export const echo = async (input) => input;

/** Always fails with Error("down"). */
export const fail = async () => {
  throw new Error("down");
};

export const geo = {
  /** { city } -> { name, lat, lon, country } or null */
  lookup: async ({ city }) => cities[String(city).toLowerCase()] ?? null,
};

export const weather = {
  /** { lat, lon } -> { temperatureC, condition } */
  current: async ({ lat }) => (lat > 50 ? { temperatureC: 3.5, condition: "overcast" } : { temperatureC: 7, condition: "sunny" }),
};

export const catalog = {
  /** { genre? } -> { items: Book[] } */
  search: async ({ genre }) => ({ items: genre === undefined ? books : books.filter((b) => b.genre === genre) }),
  /** { isbn } -> Book, throws for an unknown isbn */
  byIsbn: async ({ isbn }) => {
    const book = books.find((b) => b.isbn === isbn);
    if (!book) throw new Error(`no book ${isbn}`);
    return book;
  },
  /** { isbn } -> { stars } */
  rating: async ({ isbn }) => ({ stars: { "978-0441013593": 4.6, "978-0553283686": 4.3 }[isbn] ?? null }),
};

export const fx = {
  /** { from, to } -> { rate } (sync) */
  rate: Object.assign(({ from, to }) => ({ rate: from === to ? 1 : { "EUR>CHF": 0.94, "USD>CHF": 0.88 }[`${from}>${to}`] ?? null }), {
    bridge: { sync: true },
  }),
};
