#!/usr/bin/env node
// Browser tests need Debian's Chromium and CJK fonts (without them Chinese renders as boxes); install them when missing.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const haveChromium = fs.existsSync('/usr/bin/chromium');
const haveFonts = fs.existsSync('/usr/share/fonts/opentype/noto') || fs.existsSync('/usr/share/fonts/truetype/noto');
if (haveChromium && haveFonts) process.exit(0);
if (process.getuid && process.getuid() !== 0) {
  console.error('缺少 Chromium 或中文字体：请以 root 运行 apt-get install -y chromium fonts-noto-cjk');
  process.exit(1);
}
console.log('安装 Chromium 与中文字体（apt-get）…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
