/** The frame every `check:*` script shares: open the script store, run the check, print it, exit 1 on any finding. */
import type { DocumentStore } from '../backend/store/port';
import { openScriptStore } from './script-store';

export interface CheckReport {
  /** The first line: what was read, and where. */
  summary: string;
  /** Each finding, in words; none when all is well. */
  findings: string[];
  /** Said when there is nothing to report. */
  clean: string;
}

export function runCheck(check: (store: DocumentStore, where: string) => Promise<CheckReport>): void {
  const main = async () => {
    const { store, where } = openScriptStore(process.argv);
    try {
      const report = await check(store, where);
      console.log(report.summary);
      if (report.findings.length === 0) {
        console.log(report.clean);
        return;
      }
      for (const f of report.findings.slice(0, 50)) console.log(`  ${f}`);
      if (report.findings.length > 50) console.log(`  …另有 ${report.findings.length - 50} 处`);
      console.log(`共 ${report.findings.length} 处不一致。`);
      process.exitCode = 1;
    } finally {
      await store.close();
    }
  };
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
