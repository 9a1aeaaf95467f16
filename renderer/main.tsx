import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NotPaired } from './client/NotPaired';
import { connectToHost } from './client/hostClient';
import { HostProvider } from './client/hostContext';
import { initI18n } from './i18n/i18n';
import { SetupWizard } from './setup/wizard/SetupWizard';

/**
 * Start-up: reach the host, learn the terminal's role and language, then
 * render that role's screen. Failing to reach the host, or finding this
 * screen unpaired (now or later), is said on screen in both languages, since
 * the language is not known yet.
 */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  let unpaired = false;
  let ready = false;
  const host = connectToHost(() => {
    unpaired = true;
    if (ready) root.render(<NotPaired />);
  });
  const terminal = await host.call('terminal.info', {}).catch(() => null);
  // A terminal with no configuration yet answers only its setup wizard.
  const unconfigured = !terminal && (await host.call('wizard.state', {}).catch(() => null))?.unconfigured === true;
  const i18n = await initI18n(terminal?.locale ?? 'zh-CN');
  ready = true;
  if (unpaired) {
    root.render(<NotPaired />);
    return;
  }
  if (unconfigured) {
    root.render(
      <StrictMode>
        <HostProvider value={host}>
          <SetupWizard />
        </HostProvider>
      </StrictMode>,
    );
    return;
  }
  if (!terminal) {
    const both = `${i18n.t('app.noHost', { lng: 'zh-CN' })} ${i18n.t('app.noHost', { lng: 'en' })}`;
    root.render(<p className="notice error">{both}</p>);
    return;
  }
  root.render(
    <StrictMode>
      <HostProvider value={host}>
        <App terminal={terminal} />
      </HostProvider>
    </StrictMode>,
  );
}

void start();
