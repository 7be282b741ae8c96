// Tailwind 4 runs as a single PostCSS plugin; the theme lives in tailwind.config.ts.
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
