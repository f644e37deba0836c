// `npm start` (electron-vite preview) and `npm run dev` (electron-vite): makes sure the Electron binary
// is there (downloading it through Electron's own installer on first run), then runs electron-vite
// with ELECTRON_EXEC_PATH pointing at it. Usage: node electron/launch/run-electron-vite.ts [preview] [...]
import { ElectronMissingError, ensureElectron, readElectronPackage } from './electron-binary.ts';
import { exitCodeOf, packageDir, spawnTool } from './run-tool.ts';

const pkg = readElectronPackage(packageDir('electron'));
let executable: string;
try {
  executable = await ensureElectron(pkg, process.env, (line) => console.log(line));
} catch (error) {
  if (!(error instanceof ElectronMissingError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const child = spawnTool('electron-vite', 'bin/electron-vite.js', process.argv.slice(2), { ...process.env, ELECTRON_EXEC_PATH: executable }, 'inherit');
child.on('close', (code, signal) => process.exit(exitCodeOf(code, signal)));
