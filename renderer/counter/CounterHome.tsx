import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../main/contract/citizen';
import type { CounterAction, CounterState } from '../../main/contract/queue';
import type { Appointment } from '../../main/contract/appointments';
import type { TerminalInfo } from '../../main/contract/terminal';
import { useHost, useRpcQuery } from '../client/hostContext';
import { Clock } from '../ui/Clock';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusStrip } from '../ui/StatusStrip';
import { TopBar } from '../ui/TopBar';
import { useRpcAction } from '../ui/useRpcAction';
import { PauseDialog, TransferDialog } from './CounterDialogs';
import { CounterTicket } from './CounterTicket';
import { keyOf, useCounterShortcuts, type CounterCommand } from './useCounterShortcuts';
import { WaitingList } from './WaitingList';
import { HelpCalls } from './HelpCalls';
import './counter.css';

/** The clerk's screen at a counter (1920×1080): the ticket at the window, the actions with their keys, who waits. */
export function CounterHome({ terminal }: { terminal: TerminalInfo }) {
  const { t } = useTranslation();
  const host = useHost();
  const { data: fetched, error: fetchError } = useRpcQuery('counter.state', {}, ['queue.changed']);
  const { data: evaluation } = useRpcQuery('evaluation.pending', {}, ['evaluation.requested', 'queue.changed']);
  const [state, setState] = useState<CounterState>();
  // Reading a card waits up to 10 s for one, and the counter's keys stay usable meanwhile: it is an action of its own.
  // Each clears the other's refusal, so the notice is always the last one's.
  const counter = useRpcAction();
  const card = useRpcAction();
  const [dialog, setDialog] = useState<'transfer' | 'pause' | null>(null);
  const [citizen, setCitizen] = useState<CitizenSummary | null>();
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  useEffect(() => setState(fetched), [fetched]);
  const currentId = state?.current?.id;
  useEffect(() => {
    setCitizen(undefined);
    setAppointments(null);
  }, [currentId]);
  // The host dropped the card's holder (idle, or the card was taken): so does the clerk's screen.
  useEffect(
    () =>
      host.on('citizen.ended', () => {
        setCitizen(undefined);
        setAppointments(null);
      }),
    [host],
  );

  const act = (action: CounterAction) => {
    setDialog(null);
    card.clear();
    return counter.run(async () => setState(await host.call('counter.act', { act: action })));
  };
  const readCard = () => {
    counter.clear();
    return card.run(async () => {
      const read = (await host.call('citizen.readCard', { waitSeconds: 10 })).citizen;
      setCitizen(read);
      setAppointments(read ? await host.call('appointments.today', {}).catch(() => null) : null);
    });
  };
  const error = counter.error ?? card.error ?? fetchError;
  const run = (command: CounterCommand) => {
    if (counter.busy || !state) return;
    if (command === 'callNext') void act({ action: 'call-next' });
    if (command === 'recall') void act({ action: 'recall' });
    if (command === 'skip') void act({ action: 'skip' });
    if (command === 'finish') void act({ action: 'finish' });
    if (command === 'transfer' && state.current) setDialog('transfer');
    if (command === 'pauseOrResume') {
      if (state.pausedReason) void act({ action: 'resume' });
      else setDialog('pause');
    }
    if (command === 'readCard') void readCard();
  };
  useCounterShortcuts(run, dialog === null);

  const paused = state?.pausedReason != null;
  const hasTicket = state?.current != null;
  const button = (command: CounterCommand, label: string, disabled: boolean, primary = false) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      data-command={command}
      disabled={counter.busy || disabled}
      onClick={() => run(command)}
    >
      {label} <kbd>{keyOf(command)}</kbd>
    </button>
  );

  return (
    <div className="screen counter">
      <TopBar title={t('counter.title', { number: terminal.windowNumber })}>
        <Clock />
      </TopBar>
      <HelpCalls />
      <main>
        <section className="desk" aria-labelledby="current-heading">
          <h2 id="current-heading">{t('counter.current')}</h2>
          {error && <ErrorNotice error={error} />}
          {state && <CounterTicket state={state} citizen={citizen} appointments={appointments} />}
          <div className="actions">
            {button('callNext', t('counter.callNext'), paused, true)}
            {button('recall', t('counter.recall'), !hasTicket)}
            {button('skip', t('counter.skip'), !hasTicket)}
            {button('finish', t('counter.finish'), !hasTicket)}
            {button('transfer', t('counter.transfer'), !hasTicket)}
            {button('pauseOrResume', paused ? t('counter.resume') : t('counter.pause'), hasTicket)}
            {button('readCard', t('counter.readCard'), false)}
          </div>
          {state && state.current && state.current.recalls < state.recallsBeforeSkip && (
            <p className="hint">{t('counter.skipAfter', { count: state.recallsBeforeSkip })}</p>
          )}
          {evaluation?.request && <p className="hint awaiting">{t('counter.awaitingRating', { label: evaluation.request.label })}</p>}
          <p className="shortcuts">{t('counter.shortcuts')}</p>
        </section>
        {state && <WaitingList state={state} />}
      </main>
      <StatusStrip terminalId={terminal.terminalId} />
      {dialog === 'transfer' && state && (
        <TransferDialog state={state} onTransfer={(to) => void act({ action: 'transfer', to })} onCancel={() => setDialog(null)} />
      )}
      {dialog === 'pause' && <PauseDialog onPause={(reason) => void act({ action: 'pause', reason })} onCancel={() => setDialog(null)} />}
    </div>
  );
}
