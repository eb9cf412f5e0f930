// Tools for the enrichment example: a shelf listing and a rating lookup.
const shelves = {
  "sci-fi": [
    { isbn: "978-0441013593", title: "Dune", year: 1965 },
    { isbn: "978-0553283686", title: "Hyperion", year: 1989 },
    { isbn: "978-0000000000", title: "Unrated Draft", year: 2024 },
  ],
};
const ratings = { "978-0441013593": 4.6, "978-0553283686": 4.3 };

export const catalog = {
  async list({ shelf }) {
    return { books: shelves[shelf] ?? [] };
  },
  async rating({ isbn }) {
    return { stars: ratings[isbn] ?? null };
  },
};
