import { hostLargeScanRows } from '/work/main/test/bench/hostHeap.bench';
hostLargeScanRows(Number(process.argv[2] ?? 20000)).then((rows) => console.log(JSON.stringify(rows, null, 1)), (e) => { console.error(String(e).slice(0, 3000)); process.exit(1); });
