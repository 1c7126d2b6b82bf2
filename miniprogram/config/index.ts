/** Taro build config: one source tree → build/weapp and build/h5 at the repo root, with ../shared compiled in. */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const sharedDir = path.resolve(__dirname, '../../shared');

/** NutUI is drawn on a 375 px canvas; our own styles use Taro's default 750. */
function designWidth(input?: string | number | { file?: string }): number {
  return typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'wangge-lianxin',
    date: '2026-11-01',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../build/${platform}`,
    plugins: [],
    alias: { '@shared': sharedDir },
    defineConstants: {
      // CloudBase env id for weapp; empty means Taro.cloud.DYNAMIC_CURRENT_ENV.
      WG_CLOUD_ENV: JSON.stringify(process.env.WG_CLOUD_ENV ?? ''),
      // Origin of the HTTP gateway for h5; empty means same origin as the page.
      WG_API_BASE: JSON.stringify(process.env.WG_API_BASE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      optimizeMainPackage: { enable: true },
      // base.wxml (Taro's recursive templates) is the largest non-JS file of the main package.
      // Taro's docs suggest 8 template levels to shrink it; deeper trees fall back to its `comp`
      // custom component. That trades a little render cost for ~20 KB of main-package budget.
      baseLevel: 8,
      minifyXML: { collapseWhitespace: true },
      // Component styles are class-scoped, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedDir] },
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // NutUI ships px sized for 375; leave its selectors alone on the web.
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
      },
    },
  };
  return merge({}, base);
});
