#!/usr/bin/env node
// The npm registry this project's machines reach serves only the builds of platform-specific
// optional packages for the platforms it mirrors (an Android or Windows build answers 404), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as
// out of sync. This adds each missing optional package back as an optional, platform-
// restricted entry, which `npm ci` skips on Linux. Run it after `npm install`.
const fs = require('fs');

const LOCK = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os and cpu of a binding from its name, e.g. `...-android-arm-eabi` or `...-win32-x64-msvc`. */
function platformOf(name) {
  const osNames = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'netbsd', 'sunos', 'win32', 'aix', 'openharmony', 'wasm32'];
  const cpus = ['arm64', 'arm', 'x64', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el', 'wasm32'];
  const parts = name.split('/').pop().split('-');
  const os = parts.find(p => osNames.includes(p));
  const cpu = parts.find(p => cpus.includes(p));
  return { os, cpu };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === '' ? 'node_modules' : `${path}/node_modules`;
    const candidates = [`${base}/${dep}`, `node_modules/${dep}`];
    if (candidates.some(c => packages[c])) continue;
    const { os, cpu } = platformOf(dep);
    if (!os) continue;
    const added_entry = { version, dev: entry.dev, optional: true, os: [os === 'wasm32' ? 'wasm32' : os] };
    if (cpu && cpu !== os) added_entry.cpu = [cpu];
    packages[`node_modules/${dep}`] = added_entry;
    added++;
  }
}
if (added === 0) process.exit(0);
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} optional platform entries`);
