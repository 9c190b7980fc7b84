import { aiUnavailableReason, type Recommendation } from '@deliberate/core';
import { Accordion } from 'radix-ui';
import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useId,
  useMemo,
  useState,
  type ComponentPropsWithoutRef,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { explanationMessages } from '../messages/index.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';
import { panelSummary, PanelView } from './panel-views.tsx';
import { useExplanationViewTiming } from './use-view-timing.ts';
import {
  EXPLANATION_PANELS,
  readExplanation,
  type ExplanationData,
  type ExplanationPanelName,
} from './validate.ts';

/*
 * ExplanationPanel: the evidence, counterfactuals, similar cases, factors, the AI's own text and
 * the model's facts, each in a panel that stays closed until the person opens it.
 *
 * Why an accordion (Radix Accordion, `type="multiple"`) and not tabs: tabs always show one panel,
 * so the first would count as "viewed" without anyone asking for it, and arrowing through tabs
 * (which activates them) would log views nobody intended. An accordion is closed until the
 * person opens a panel, every opening is a deliberate act that can be measured, and several
 * panels can be open at once to compare evidence with counterfactuals. Keyboard: Tab reaches the
 * triggers, Enter or Space opens and closes, Arrow Up/Down move between triggers, Home/End jump.
 *
 * Parts: `Root` (availability, validation, timing; a `section` named by its heading), `List`
 * (the accordion), `Item`, `Trigger` (a heading with the button), `Content` (the panel), and
 * `NotProvided` (one sentence naming the panels the AI system sent nothing for). Without
 * children each part renders its default; `<ExplanationPanel />` composes them all.
 *
 * Data attributes:
 * - Root `data-state`: `unavailable` (before the reveal, without the AI, or no explanation at
 *   all; `data-reason` says which), `available`, or `invalid` (some part of the payload could not
 *   be read; the rest is shown, and the panel concerned says what is missing).
 * - List `data-state`: `open` when any panel is open, else `closed`.
 * - Item, Trigger, Content `data-state`: `open` | `closed` (Radix); Item `data-panel` (its name)
 *   and `data-validity` (`valid` | `partial` | `invalid`).
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/** `data-state` of `ExplanationPanel.Root`. */
export type ExplanationAvailability = 'unavailable' | 'available' | 'invalid';

/** Why the explanation is unavailable (`data-reason` of the Root). */
export type ExplanationUnavailableReason = 'before-reveal' | 'ai-unavailable' | 'not-provided';

export interface UseExplanationPanelProps {
  /**
   * The explanation payload. Use it when the explanation comes from somewhere else than the
   * recommendation (a separate XAI service, loaded later); it is validated panel by panel.
   * @default the recommendation's `explanation` (as received, when only the explanation failed validation)
   */
  explanation?: unknown;
  /** The calibration (its `bins` feed the reliability diagram). @default the recommendation's `calibration` */
  calibration?: unknown;
  /** The model's identity. @default the recommendation's `model` */
  model?: unknown;
  /** The AI system's own text, markdown (e.g. a CDS Hooks card's `detail`). @default the recommendation's `detail` */
  detail?: unknown;
  /**
   * Which panels to offer, in this order.
   * @default ['evidence', 'counterfactuals', 'similar-cases', 'factors', 'detail', 'model']
   */
  panels?: readonly ExplanationPanelName[] | undefined;
  /** The open panels, controlled. */
  value?: string[] | undefined;
  /** The panels open at first. Everything is closed by default: the person decides what to look at. @default [] */
  defaultValue?: string[] | undefined;
  /** Called with the open panels whenever one opens or closes. */
  onValueChange?: ((value: string[]) => void) | undefined;
}

export interface UseExplanationPanelResult {
  /** The Root's `data-state`. */
  state: ExplanationAvailability;
  /** Why it is unavailable; `null` otherwise. */
  reason: ExplanationUnavailableReason | null;
  /** Every panel's validated data. */
  data: ExplanationData;
  /** The panels to list (data, or data that could not be read), in order. */
  panels: ExplanationPanelName[];
  /** The panels the AI system sent nothing for. */
  notProvided: ExplanationPanelName[];
  /** The open panels. */
  value: string[];
  /** Opens and closes panels; the timing of `explanation.viewed` follows this value. */
  setValue: (value: string[]) => void;
  recommendation: Recommendation | null;
  /** Spread on the root element. */
  rootProps: {
    'data-state': ExplanationAvailability;
    'data-reason': ExplanationUnavailableReason | undefined;
  };
}

/* -------------------------------------------------------------------------------------------------
 * The behaviour hook
 * -----------------------------------------------------------------------------------------------*/

const NOTHING_OPEN: string[] = [];

/**
 * The ExplanationPanel's behaviour without its look: availability (only after the reveal, only
 * with the AI), per-panel validation, the open panels, and the `explanation.viewed` timing. Use
 * it to drive your own disclosure widgets (KoliBri, KERN); spread `rootProps` on your root.
 *
 * @example
 * const { panels, value, setValue, rootProps } = useExplanationPanel();
 * <div {...rootProps}>{panels.map((p) => <MyDisclosure key={p} open={value.includes(p)} … />)}</div>
 */
export function useExplanationPanel(props: UseExplanationPanelProps = {}): UseExplanationPanelResult {
  const { state, recommendation, explanation: given } = useDecision('ExplanationPanel');
  const [value, setValue] = useControllableState<string[]>({
    prop: props.value,
    defaultProp: props.defaultValue ?? NOTHING_OPEN,
    onChange: props.onValueChange,
    name: 'ExplanationPanel',
  });

  const explanation = 'explanation' in props ? props.explanation : given;
  const calibration = 'calibration' in props ? props.calibration : recommendation?.calibration;
  const model = 'model' in props ? props.model : recommendation?.model;
  const detail = 'detail' in props ? props.detail : recommendation?.detail;
  const data = useMemo(
    () => readExplanation({ explanation, calibration, model, detail }),
    [explanation, calibration, model, detail],
  );

  const order = props.panels ?? EXPLANATION_PANELS;
  const panels = order.filter((panel) => data[panel].status !== 'absent');
  const notProvided = order.filter((panel) => data[panel].status === 'absent');
  const broken = data.rootIssue !== undefined || panels.some((panel) => data[panel].status !== 'valid');

  let reason: ExplanationUnavailableReason | null = null;
  if (aiUnavailableReason(state) !== null) reason = 'ai-unavailable';
  else if (state.revealedAt === undefined) reason = 'before-reveal';
  else if (panels.length === 0 && data.rootIssue === undefined) reason = 'not-provided';
  const availability: ExplanationAvailability =
    reason !== null ? 'unavailable' : broken ? 'invalid' : 'available';

  // Only panels that are actually shown are timed: a controlled value naming a panel that is not
  // listed, or any value before the reveal, is not a viewing.
  const shownOpen = reason === null ? value.filter((panel) => (panels as string[]).includes(panel)) : [];
  useExplanationViewTiming(shownOpen, reason === null);

  return {
    state: availability,
    reason,
    data,
    panels,
    notProvided,
    value,
    setValue,
    recommendation,
    rootProps: { 'data-state': availability, 'data-reason': reason ?? undefined },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Contexts
 * -----------------------------------------------------------------------------------------------*/

interface RootContextValue extends UseExplanationPanelResult {
  headingLevel: 2 | 3 | 4 | 5;
  showTables: boolean;
}

const RootContext = createContext<RootContextValue | null>(null);
RootContext.displayName = 'ExplanationPanelContext';

function useRootPart(part: string): RootContextValue {
  const context = useContext(RootContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`ExplanationPanel.Root\`.`);
  return context;
}

const ItemContext = createContext<ExplanationPanelName | null>(null);
ItemContext.displayName = 'ExplanationPanelItemContext';

function useItemPart(part: string): ExplanationPanelName {
  const context = useContext(ItemContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`ExplanationPanel.Item\`.`);
  return context;
}

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;
type Level = keyof typeof HEADINGS;

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ExplanationPanelRootProps
  extends UseExplanationPanelProps, Omit<HTMLAttributes<HTMLElement>, 'defaultValue' | 'onChange'> {
  /**
   * The level of the explanation's heading; panel triggers are one level below, headings inside
   * the panels two below.
   * @default 3
   */
  headingLevel?: 2 | 3 | 4 | 5 | undefined;
  /** Show the charts' table twins on screen too (they are always there for screen readers). @default false */
  showTables?: boolean | undefined;
  children?: ReactNode;
}

/**
 * Validates the explanation, decides whether it may be shown, keeps the open panels and times
 * them. Renders a `section` named by its heading ("Check the recommendation"), a one-line
 * reminder that an explanation can make a wrong recommendation look convincing, and its children
 * only while the explanation is available: before the reveal and without the AI it says so
 * instead. See the file comment for `data-state`.
 *
 * @example
 * <ExplanationPanel.Root headingLevel={3} defaultValue={['evidence']}>
 *   <ExplanationPanel.List />
 * </ExplanationPanel.Root>
 */
export const ExplanationPanelRoot = forwardRef<HTMLElement, ExplanationPanelRootProps>(
  function ExplanationPanelRoot(props, ref) {
    const {
      explanation,
      calibration,
      model,
      detail,
      panels,
      value,
      defaultValue,
      onValueChange,
      headingLevel = 3,
      showTables = false,
      className,
      children,
      ...rest
    } = props;
    const hookProps: UseExplanationPanelProps = { panels, value, defaultValue, onValueChange };
    // Presence, not value, decides: `explanation={undefined}` means "this explanation is empty".
    if ('explanation' in props) hookProps.explanation = explanation;
    if ('calibration' in props) hookProps.calibration = calibration;
    if ('model' in props) hookProps.model = model;
    if ('detail' in props) hookProps.detail = detail;
    const explanationState = useExplanationPanel(hookProps);
    const { t, locale } = useI18n(explanationMessages);
    const titleId = useId();
    const H = HEADINGS[headingLevel];
    const context: RootContextValue = { ...explanationState, headingLevel, showTables };
    const { reason, data } = explanationState;

    return (
      <RootContext.Provider value={context}>
        <section
          {...rest}
          ref={ref}
          lang={locale}
          aria-labelledby={titleId}
          className={['dlb-explanation', className].filter(Boolean).join(' ')}
          {...explanationState.rootProps}
        >
          <H id={titleId} className="dlb-explanation__title">
            {t('explanation.title')}
          </H>
          {reason !== null ? (
            <p className="dlb-explanation__note">{t(`explanation.unavailable.${reason}`)}</p>
          ) : (
            <>
              <p className="dlb-explanation__intro">{t('explanation.intro')}</p>
              {data.rootIssue ? (
                <div className="dlb-explanation__incomplete" data-state="invalid">
                  <p>{t('explanation.incomplete.root')}</p>
                </div>
              ) : null}
              {children}
            </>
          )}
        </section>
      </RootContext.Provider>
    );
  },
);
ExplanationPanelRoot.displayName = 'ExplanationPanel.Root';

/* -------------------------------------------------------------------------------------------------
 * List
 * -----------------------------------------------------------------------------------------------*/

export interface ExplanationPanelListProps extends Omit<
  ComponentPropsWithoutRef<typeof Accordion.Root>,
  'type' | 'value' | 'defaultValue' | 'onValueChange' | 'collapsible'
> {
  children?: ReactNode;
}

/**
 * The accordion (Radix, `type="multiple"`): all panels closed until opened, several may be open.
 * Without children it lists every panel that has data (or broken data), evidence first.
 *
 * @example
 * <ExplanationPanel.List className="my-panels" />
 */
export const ExplanationPanelList = forwardRef<HTMLDivElement, ExplanationPanelListProps>(
  function ExplanationPanelList({ children, className, ...rest }, ref) {
    const context = useRootPart('ExplanationPanel.List');
    const { value, setValue, panels } = context;
    const onValueChange = useCallback((next: string[]) => setValue(next), [setValue]);
    return (
      <Accordion.Root
        {...rest}
        ref={ref}
        type="multiple"
        value={value}
        onValueChange={onValueChange}
        className={['dlb-explanation__list', className].filter(Boolean).join(' ')}
        data-state={value.some((panel) => (panels as string[]).includes(panel)) ? 'open' : 'closed'}
      >
        {children ??
          panels.map((panel) => (
            <ExplanationPanelItem key={panel} value={panel}>
              <ExplanationPanelTrigger />
              <ExplanationPanelContent />
            </ExplanationPanelItem>
          ))}
      </Accordion.Root>
    );
  },
);
ExplanationPanelList.displayName = 'ExplanationPanel.List';

/* -------------------------------------------------------------------------------------------------
 * Item
 * -----------------------------------------------------------------------------------------------*/

export interface ExplanationPanelItemProps extends Omit<
  ComponentPropsWithoutRef<typeof Accordion.Item>,
  'value'
> {
  /** Which panel this is; also the `panel` of its `explanation.viewed` events. */
  value: ExplanationPanelName;
  children?: ReactNode;
}

/**
 * One panel: a Radix Accordion item with `data-state` (`open` | `closed`), `data-panel` and
 * `data-validity`. A panel the AI system sent nothing for renders nothing.
 *
 * @example
 * <ExplanationPanel.Item value="evidence"><ExplanationPanel.Trigger /><ExplanationPanel.Content /></ExplanationPanel.Item>
 */
export const ExplanationPanelItem = forwardRef<HTMLDivElement, ExplanationPanelItemProps>(
  function ExplanationPanelItem({ value, children, className, ...rest }, ref) {
    const { data, value: open } = useRootPart('ExplanationPanel.Item');
    const slice = data[value];
    const listed = slice !== undefined && slice.status !== 'absent';
    // For the safeguard manifest: whether this panel waited for the person to open it.
    const [openedOnDemand] = useState(() => !open.includes(value));
    useSafeguard('explanation.panel', { panel: value, openedOnDemand }, listed);
    if (!listed) return null;
    return (
      <ItemContext.Provider value={value}>
        <Accordion.Item
          {...rest}
          ref={ref}
          value={value}
          className={['dlb-explanation__item', className].filter(Boolean).join(' ')}
          data-panel={value}
          data-validity={slice.status}
        >
          {children ?? (
            <>
              <ExplanationPanelTrigger />
              <ExplanationPanelContent />
            </>
          )}
        </Accordion.Item>
      </ItemContext.Provider>
    );
  },
);
ExplanationPanelItem.displayName = 'ExplanationPanel.Item';

/* -------------------------------------------------------------------------------------------------
 * Trigger
 * -----------------------------------------------------------------------------------------------*/

export interface ExplanationPanelTriggerProps extends ComponentPropsWithoutRef<typeof Accordion.Trigger> {
  /** The trigger's text. @default the panel's name and a short summary ("Evidence — 3 for, 2 against") */
  children?: ReactNode;
}

/**
 * The panel's heading (one level below the Root's) with the button that opens and closes it
 * (`aria-expanded`, `aria-controls` from Radix). Its default name includes what is inside, so
 * that a screen reader hears it before opening: "Evidence from the file and the law: 3 for, 2
 * against".
 *
 * @example
 * <ExplanationPanel.Trigger>Belege</ExplanationPanel.Trigger>
 */
export const ExplanationPanelTrigger = forwardRef<HTMLButtonElement, ExplanationPanelTriggerProps>(
  function ExplanationPanelTrigger({ children, className, ...rest }, ref) {
    const context = useRootPart('ExplanationPanel.Trigger');
    const panel = useItemPart('ExplanationPanel.Trigger');
    const translator = useI18n(explanationMessages);
    const H = HEADINGS[Math.min(6, context.headingLevel + 1) as Level];
    const summary = panelSummary(panel, context.data, context.recommendation, translator);
    return (
      <Accordion.Header asChild>
        <H className="dlb-explanation__item-heading">
          <Accordion.Trigger
            {...rest}
            ref={ref}
            className={['dlb-explanation__trigger', className].filter(Boolean).join(' ')}
          >
            {children ?? (
              <>
                <span className="dlb-explanation__trigger-label">
                  {translator.t(`explanation.panel.${panel}`)}
                </span>
                {summary !== '' ? (
                  <span className="dlb-explanation__trigger-summary">
                    <span className="dlb-visually-hidden">:</span> {summary}
                  </span>
                ) : null}
              </>
            )}
            <span className="dlb-explanation__chevron" aria-hidden="true" />
          </Accordion.Trigger>
        </H>
      </Accordion.Header>
    );
  },
);
ExplanationPanelTrigger.displayName = 'ExplanationPanel.Trigger';

/* -------------------------------------------------------------------------------------------------
 * Content
 * -----------------------------------------------------------------------------------------------*/

export interface ExplanationPanelContentProps extends ComponentPropsWithoutRef<typeof Accordion.Content> {
  /** The panel's content. @default the panel's view (evidence columns, counterfactuals, …) */
  children?: ReactNode;
}

/**
 * The panel itself (a Radix Accordion content, `role="region"` named by its trigger), rendered
 * only while open. Without children it shows the panel's default view, and says what is missing
 * when the payload could not be read completely.
 *
 * @example
 * <ExplanationPanel.Content className="my-panel" />
 */
export const ExplanationPanelContent = forwardRef<HTMLDivElement, ExplanationPanelContentProps>(
  function ExplanationPanelContent({ children, className, ...rest }, ref) {
    const context = useRootPart('ExplanationPanel.Content');
    const panel = useItemPart('ExplanationPanel.Content');
    return (
      <Accordion.Content
        {...rest}
        ref={ref}
        className={['dlb-explanation__content', className].filter(Boolean).join(' ')}
      >
        <div className="dlb-explanation__panel" data-panel={panel}>
          {children ?? (
            <PanelView
              panel={panel}
              data={context.data}
              recommendation={context.recommendation}
              headingLevel={Math.min(6, context.headingLevel + 2) as 4 | 5 | 6}
              showTables={context.showTables}
            />
          )}
        </div>
      </Accordion.Content>
    );
  },
);
ExplanationPanelContent.displayName = 'ExplanationPanel.Content';

/* -------------------------------------------------------------------------------------------------
 * NotProvided
 * -----------------------------------------------------------------------------------------------*/

/**
 * One sentence naming the panels the AI system sent nothing for ("Not provided by this AI
 * system: similar cases, counterfactuals."). They are not listed as empty panels, but their
 * absence is information: a recommendation without sources is harder to check. Renders nothing
 * when every panel is there.
 *
 * @example
 * <ExplanationPanel.NotProvided />
 */
export function ExplanationPanelNotProvided(props: HTMLAttributes<HTMLParagraphElement>) {
  const { notProvided } = useRootPart('ExplanationPanel.NotProvided');
  const { t, locale } = useI18n(explanationMessages);
  if (notProvided.length === 0) return null;
  const names = notProvided.map((panel) => t(`explanation.panel.${panel}`));
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
  return (
    <p {...props} className={['dlb-explanation__not-provided', props.className].filter(Boolean).join(' ')}>
      {t('explanation.notProvided', { panels: list })}
    </p>
  );
}
ExplanationPanelNotProvided.displayName = 'ExplanationPanel.NotProvided';

/* -------------------------------------------------------------------------------------------------
 * Composed
 * -----------------------------------------------------------------------------------------------*/

export type ExplanationPanelProps = ExplanationPanelRootProps;

/**
 * The explanation of the revealed AI recommendation, for checking it: evidence (quotations that
 * speak for and against it, with sources and links), counterfactuals (what would change it, and
 * who could change that), similar cases (including those decided the other way), factors (in
 * plain words, with a chart and its table), the AI system's own text, and the model's facts
 * (intended use, limits, accuracy per group, reliability diagram). Every panel is closed until
 * opened; each opening is logged as `explanation.viewed` with its duration. Nothing is shown
 * before the reveal. Untrusted text is rendered safely; a malformed payload says what is missing.
 *
 * @example
 * <DecisionProvider recommendation={rec} …>
 *   <DecisionScreen explanation={<ExplanationPanel />} />
 * </DecisionProvider>
 */
function ExplanationPanelComposed({ children, ...props }: ExplanationPanelProps) {
  return (
    <ExplanationPanelRoot {...props}>
      {children ?? (
        <>
          <ExplanationPanelList />
          <ExplanationPanelNotProvided />
        </>
      )}
    </ExplanationPanelRoot>
  );
}
ExplanationPanelComposed.displayName = 'ExplanationPanel';

// Spelled out so the declaration file can name every part.
export const ExplanationPanel: typeof ExplanationPanelComposed & {
  Root: typeof ExplanationPanelRoot;
  List: typeof ExplanationPanelList;
  Item: typeof ExplanationPanelItem;
  Trigger: typeof ExplanationPanelTrigger;
  Content: typeof ExplanationPanelContent;
  NotProvided: typeof ExplanationPanelNotProvided;
} = Object.assign(ExplanationPanelComposed, {
  Root: ExplanationPanelRoot,
  List: ExplanationPanelList,
  Item: ExplanationPanelItem,
  Trigger: ExplanationPanelTrigger,
  Content: ExplanationPanelContent,
  NotProvided: ExplanationPanelNotProvided,
});
