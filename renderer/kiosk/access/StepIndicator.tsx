import { useTranslation } from 'react-i18next';

export type StepFlow = 'queue' | 'certificates' | 'lookups' | 'services';

/** The step names of a flow, from the language file. */
export function useSteps(flow: StepFlow): string[] {
  const { t } = useTranslation();
  return t(`access.steps.${flow}`, { returnObjects: true }) as string[];
}

/** "Step 2 of 4: Consent", as the indicator shows it and the voice says it. */
export function useStepText(flow: StepFlow, current: number): string {
  const { t } = useTranslation();
  const steps = useSteps(flow);
  return t('access.step', { current, total: steps.length, name: steps[current - 1] });
}

/** Where the citizen is in a multi-step flow: every step named, the current one marked. */
export function StepIndicator({ flow, current }: { flow: StepFlow; current: number }) {
  const { t } = useTranslation();
  const steps = useSteps(flow);
  return (
    <ol className="step-indicator plain-list" aria-label={t('access.stepsLabel')} data-testid="steps">
      {steps.map((name, index) => (
        <li key={name} aria-current={index + 1 === current ? 'step' : undefined} data-done={index + 1 < current}>
          <span className="step-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="step-name">{name}</span>
        </li>
      ))}
    </ol>
  );
}
