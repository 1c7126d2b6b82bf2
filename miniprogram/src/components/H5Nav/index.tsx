/** The h5 back/home bar (index.h5.tsx); in WeChat its own navigation bar does this, so nothing here. */
export default function H5Nav() {
  return null;
}
