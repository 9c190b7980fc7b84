import { otherResolutionPossible, type Recommendation } from '@deliberate/core';
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useId,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
  type TableHTMLAttributes,
} from 'react';
import {
  FinalizeProvider,
  useOptionalFinalize,
  type FinalizeContextValue,
  type FinalizeProviderProps,
  type Resolution,
} from '../actions/finalize-context.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatPercent } from '../i18n/format.ts';
import { describeDecision, formatAmount, type DecisionShape } from '../judgement/display.ts';
import { ownConfidenceStep } from '../judgement/own-confidence.ts';
import { cx } from '../utils/class-names.ts';

/*
 * After a judge-first reveal: the person's judgement and the AI's recommendation side by side (a
 * table with a column each), the agreement or disagreement stated in plain words, and — for a
 * disagreement — an explicit choice of how to go on. Until that choice is made, DecisionActions
 * (in the same finalize step) keeps every finalize action unavailable; the choice then decides
 * which action is available (see `FinalizeProvider`). Stating the disagreement plainly matters:
 * judge-first lowers agreement with the AI both when it is right and when it is wrong (Fogliato
 * et al. 2022), so the person should weigh the difference rather than glide past it.
 */

/**
 * `data-state` of the root:
 * - `unavailable`: nothing to compare (no committed judgement, or the AI not shown yet).
 * - `agree`: the judgement equals the recommendation.
 * - `disagree`: they differ and the person has not chosen how to resolve it yet.
 * - `resolved`: they differ and the person chose (`data-resolution` says what).
 */
export type ContrastState = 'unavailable' | 'agree' | 'disagree' | 'resolved';

export interface UseContrastResult {
  state: ContrastState;
  /** The plain statement ("You and the AI disagree: …"), empty when unavailable. */
  statement: string;
  /** Extra detail for numeric and ranked decisions, or `null`. */
  detail: string | null;
  mineText: string;
  aiText: string;
  mineConfidence: string;
  aiConfidence: string;
  resolution: Resolution | null;
  setResolution(resolution: Resolution): void;
  /** Whether "something else" is a possible resolution (not for two-option decisions). */
  otherPossible: boolean;
  finalize: FinalizeContextValue;
}

function shapeFor(rec: Recommendation | null): DecisionShape | null {
  if (rec === null) return null;
  if (rec.kind === 'numeric') return { kind: 'numeric', unit: rec.unit };
  return { kind: 'choice', options: rec.options };
}

/**
 * The comparison's state and texts, for your own markup. Registers a contrast with the finalize
 * step, so that DecisionActions waits for the resolution of a disagreement.
 *
 * @example
 * const c = useContrast();
 * <p role="status">{c.statement}</p>
 */
export function useContrast(): UseContrastResult {
  const fin = useOptionalFinalize();
  if (fin === null)
    throw new Error('`useContrast` must be used within `FinalizeStep.Root` or `FinalizeProvider`.');
  const { t, locale } = useI18n();
  const { state, recommendation } = useDecision('useContrast');
  const { registerContrast } = fin;
  useEffect(() => registerContrast(), [registerContrast]);

  const comparison = fin.comparison;
  const shape = shapeFor(recommendation);
  if (comparison.status === 'unavailable') {
    return {
      state: 'unavailable',
      statement: '',
      detail: null,
      mineText: '',
      aiText: '',
      mineConfidence: '',
      aiConfidence: '',
      resolution: null,
      setResolution: fin.setResolution,
      otherPossible: false,
      finalize: fin,
    };
  }
  const { mine, ai } = comparison;
  const mineText = describeDecision(mine, shape, locale);
  const aiText = describeDecision(ai, shape, locale);
  const step = ownConfidenceStep(mine.confidence);
  const mineConfidence = step ? t(`judgement.confidence.${step.id}`) : t('contrast.notStated');
  const aiConfidence = state.reveal?.display.text || t('contrast.notStated');

  let detail: string | null = null;
  if (comparison.status === 'disagree' && recommendation?.kind === 'numeric' && mine.value !== undefined) {
    const { lo, hi, level } = recommendation.interval;
    const inside = mine.value >= lo && mine.value <= hi;
    detail = t(inside ? 'contrast.numeric.inside' : 'contrast.numeric.outside', {
      difference: formatAmount(Math.abs(mine.value - recommendation.value), locale, recommendation.unit),
      level: formatPercent(level, locale),
      range: `${formatAmount(lo, locale, recommendation.unit)} – ${formatAmount(hi, locale, recommendation.unit)}`,
    });
  }
  if (comparison.status === 'disagree' && recommendation?.kind === 'ranked') {
    const position = recommendation.options.findIndex((o) => o.id === mine.label);
    detail =
      position < 0
        ? t('contrast.ranked.absent', { mine: mineText })
        : t('contrast.ranked.position', {
            mine: mineText,
            position: position + 1,
            count: recommendation.options.length,
          });
  }

  const otherPossible = otherResolutionPossible(state);
  const resolution = comparison.status === 'disagree' ? fin.resolution : null;
  return {
    state: comparison.status === 'agree' ? 'agree' : resolution === null ? 'disagree' : 'resolved',
    statement:
      comparison.status === 'agree'
        ? t('contrast.agree', { mine: mineText })
        : t('contrast.disagree', { mine: mineText, ai: aiText }),
    detail,
    mineText,
    aiText,
    mineConfidence,
    aiConfidence,
    resolution,
    setResolution: fin.setResolution,
    otherPossible,
    finalize: fin,
  };
}

/* -------------------------------------------------------------------------------------------------
 * Context for the parts
 * -----------------------------------------------------------------------------------------------*/

const ContrastContext = createContext<UseContrastResult | null>(null);
ContrastContext.displayName = 'ContrastContext';

function useContrastPart(part: string): UseContrastResult {
  const context = useContext(ContrastContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`Contrast.Root\`.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ContrastRootProps
  extends
    Pick<FinalizeProviderProps, 'resolution' | 'defaultResolution' | 'onResolutionChange'>,
    Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  children?: ReactNode;
}

const ContrastInner = forwardRef<
  HTMLDivElement,
  Omit<ContrastRootProps, 'resolution' | 'defaultResolution' | 'onResolutionChange'>
>(function ContrastInner({ children, className, ...rest }, ref) {
  const contrast = useContrast();
  return (
    <ContrastContext.Provider value={contrast}>
      <div
        {...rest}
        ref={ref}
        className={cx('dlb-contrast', className)}
        data-state={contrast.state}
        data-resolution={contrast.resolution ?? undefined}
      >
        {children}
      </div>
    </ContrastContext.Provider>
  );
});

/**
 * Runs `useContrast` and shares it with the parts; renders a `div` with `data-state` (see
 * `ContrastState`) and `data-resolution`. Inside `FinalizeStep.Root` the resolution is the
 * step's; alone, the root keeps it (controlled with `resolution`/`onResolutionChange`).
 *
 * @example
 * <Contrast.Root><Contrast.Statement /><Contrast.Table /><Contrast.Resolution /></Contrast.Root>
 */
export const ContrastRoot = forwardRef<HTMLDivElement, ContrastRootProps>(function ContrastRoot(props, ref) {
  const { resolution, defaultResolution, onResolutionChange, ...rest } = props;
  const finalize = useOptionalFinalize();
  if (finalize) return <ContrastInner {...rest} ref={ref} />;
  return (
    <FinalizeProvider
      resolution={resolution}
      defaultResolution={defaultResolution}
      onResolutionChange={onResolutionChange}
    >
      <ContrastInner {...rest} ref={ref} />
    </FinalizeProvider>
  );
});
ContrastRoot.displayName = 'Contrast.Root';

/* -------------------------------------------------------------------------------------------------
 * Parts
 * -----------------------------------------------------------------------------------------------*/

export type ContrastStatementProps = Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/**
 * The agreement or disagreement in one sentence. A polite live region that exists before the
 * reveal, so that the sentence is announced when it appears, without moving focus (WCAG 4.1.3).
 */
export const ContrastStatement = forwardRef<HTMLDivElement, ContrastStatementProps>(
  function ContrastStatement({ className, ...rest }, ref) {
    const c = useContrastPart('Contrast.Statement');
    return (
      <div {...rest} ref={ref} className={cx('dlb-contrast__statement', className)} role="status">
        {c.statement === '' ? null : <p className="dlb-contrast__sentence">{c.statement}</p>}
        {c.detail === null ? null : <p className="dlb-contrast__detail">{c.detail}</p>}
      </div>
    );
  },
);
ContrastStatement.displayName = 'Contrast.Statement';

export type ContrastTableProps = Omit<TableHTMLAttributes<HTMLTableElement>, 'children'>;

/** The two sides as a table: a column for the person, one for the AI; a row per aspect. */
export const ContrastTable = forwardRef<HTMLTableElement, ContrastTableProps>(function ContrastTable(
  { className, ...rest },
  ref,
) {
  const c = useContrastPart('Contrast.Table');
  const { t } = useI18n();
  if (c.state === 'unavailable') return null;
  return (
    <table {...rest} ref={ref} className={cx('dlb-contrast__table', className)}>
      <caption className="dlb-contrast__caption">{t('contrast.caption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('contrast.column.mine')}</th>
          <th scope="col">{t('contrast.column.ai')}</th>
        </tr>
      </thead>
      <tbody>
        <tr data-state={c.state === 'agree' ? 'same' : 'different'}>
          <th scope="row">{t('contrast.row.decision')}</th>
          <td className="dlb-contrast__value">{c.mineText}</td>
          <td className="dlb-contrast__value">{c.aiText}</td>
        </tr>
        <tr>
          <th scope="row">{t('contrast.row.confidence')}</th>
          <td>{c.mineConfidence}</td>
          <td>{c.aiConfidence}</td>
        </tr>
      </tbody>
    </table>
  );
});
ContrastTable.displayName = 'Contrast.Table';

export type ContrastResolutionProps = Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'children'>;

/**
 * For a disagreement: how the person wants to go on — keep their assessment, follow the AI, or
 * something else (not offered when only the two options exist). Required before finalizing.
 */
export const ContrastResolution = forwardRef<HTMLFieldSetElement, ContrastResolutionProps>(
  function ContrastResolution({ className, disabled, ...rest }, ref) {
    const c = useContrastPart('Contrast.Resolution');
    const { t } = useI18n();
    const { state } = useDecision('Contrast.Resolution');
    const base = useId();
    if (c.state !== 'disagree' && c.state !== 'resolved') return null;
    const choices: { id: Resolution; text: string }[] = [
      { id: 'keep-mine', text: t('contrast.resolution.keepMine', { mine: c.mineText }) },
      { id: 'follow-ai', text: t('contrast.resolution.followAi', { ai: c.aiText }) },
      ...(c.otherPossible ? [{ id: 'other' as const, text: t('contrast.resolution.other') }] : []),
    ];
    const finished = state.status === 'finalized' || state.status === 'abandoned';
    return (
      <fieldset
        {...rest}
        ref={ref}
        className={cx('dlb-contrast__resolution', className)}
        disabled={finished || disabled === true}
      >
        <legend className="dlb-contrast__legend">{t('contrast.resolution.legend')}</legend>
        {choices.map((choice, index) => (
          <div key={choice.id} className="dlb-choice">
            <input
              type="radio"
              id={`${base}-${choice.id}`}
              name={`${base}-resolution`}
              className="dlb-choice__input"
              checked={c.resolution === choice.id}
              onChange={() => c.setResolution(choice.id)}
              ref={index === 0 ? c.finalize.fieldRef('resolution') : undefined}
            />
            <label htmlFor={`${base}-${choice.id}`} className="dlb-choice__label">
              {choice.text}
            </label>
          </div>
        ))}
      </fieldset>
    );
  },
);
ContrastResolution.displayName = 'Contrast.Resolution';

/* -------------------------------------------------------------------------------------------------
 * Contrast (composed)
 * -----------------------------------------------------------------------------------------------*/

export type ContrastProps = ContrastRootProps;

/**
 * The person's judgement and the AI's recommendation side by side, the (dis)agreement stated,
 * and the resolution of a disagreement. Renders nothing visible until there is something to
 * compare. Put it in a `FinalizeStep` (or `FinalizeStep.Root`) with DecisionActions so that
 * finalizing waits for the resolution.
 *
 * @example
 * <FinalizeStep.Root><Contrast /><Justification /><DecisionActions /></FinalizeStep.Root>
 */
function ContrastComposed({ children, ...props }: ContrastProps) {
  return (
    <ContrastRoot {...props}>
      {children ?? (
        <>
          <ContrastStatement />
          <ContrastTable />
          <ContrastResolution />
        </>
      )}
    </ContrastRoot>
  );
}
ContrastComposed.displayName = 'Contrast';

export const Contrast = Object.assign(ContrastComposed, {
  Root: ContrastRoot,
  Statement: ContrastStatement,
  Table: ContrastTable,
  Resolution: ContrastResolution,
});
