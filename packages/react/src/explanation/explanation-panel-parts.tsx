import { Accordion } from 'radix-ui';
import {
  forwardRef,
  useCallback,
  useId,
  useState,
  type ComponentPropsWithoutRef,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { explanationMessages } from '../messages/explanation.ts';
import { cx } from '../utils/class-names.ts';
import { Heading } from '../utils/heading.tsx';
import { mergeProps } from '../utils/merge-props.ts';
import type { ExplanationPanelName } from './explanation-data.ts';
import {
  ExplanationItemContext,
  ExplanationRootContext,
  useExplanationItemPart,
  useExplanationRootPart,
  type ExplanationRootContextValue,
} from './explanation-panel-context.ts';
import type { PanelHeadingLevel } from './panel-frame.tsx';
import { panelSummary } from './panel-text.ts';
import { PanelView } from './panel-views.tsx';
import { useExplanationPanel, type UseExplanationPanelProps } from './use-explanation-panel.ts';

/*
 * The ExplanationPanel's parts (see `explanation-panel.tsx` for the family, its keyboard and its
 * data attributes). Each forwards its ref and spreads the host's props on its element; the
 * behaviour comes from `useExplanationPanel` through the Root's context.
 */

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
 * them. Renders a `section` named by its heading ("Check the recommendation"; ids the host passes
 * in `aria-labelledby` come first), a one-line reminder that an explanation can make a wrong
 * recommendation look convincing, and its children only while the explanation is available:
 * before the reveal and without the AI it says so instead.
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
    const context: ExplanationRootContextValue = { ...explanationState, headingLevel, showTables };
    const { reason, data } = explanationState;

    return (
      <ExplanationRootContext.Provider value={context}>
        <section
          {...mergeProps(rest, {
            lang: locale,
            'aria-labelledby': titleId,
            ...explanationState.rootProps,
          })}
          ref={ref}
          className={cx('dlb-explanation', className)}
        >
          <Heading level={headingLevel} id={titleId} className="dlb-explanation__title">
            {t('explanation.title')}
          </Heading>
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
      </ExplanationRootContext.Provider>
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
    const { value, setValue, panels, listProps } = useExplanationRootPart('ExplanationPanel.List');
    const onValueChange = useCallback((next: string[]) => setValue(next), [setValue]);
    return (
      <Accordion.Root
        {...rest}
        ref={ref}
        type="multiple"
        value={value}
        onValueChange={onValueChange}
        className={cx('dlb-explanation__list', className)}
        {...listProps}
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
    const { data, value: open, itemProps } = useExplanationRootPart('ExplanationPanel.Item');
    const slice = data[value];
    const listed = slice !== undefined && slice.status !== 'absent';
    // For the safeguard manifest: whether this panel waited for the person to open it.
    const [openedOnDemand] = useState(() => !open.includes(value));
    useSafeguard('explanation.panel', { panel: value, openedOnDemand }, listed);
    if (!listed) return null;
    return (
      <ExplanationItemContext.Provider value={value}>
        <Accordion.Item
          {...rest}
          ref={ref}
          value={value}
          className={cx('dlb-explanation__item', className)}
          {...itemProps(value)}
        >
          {children ?? (
            <>
              <ExplanationPanelTrigger />
              <ExplanationPanelContent />
            </>
          )}
        </Accordion.Item>
      </ExplanationItemContext.Provider>
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
    const context = useExplanationRootPart('ExplanationPanel.Trigger');
    const panel = useExplanationItemPart('ExplanationPanel.Trigger');
    const translator = useI18n(explanationMessages);
    const summary = panelSummary(panel, context.data, context.recommendation, translator);
    return (
      <Accordion.Header asChild>
        <Heading level={context.headingLevel + 1} className="dlb-explanation__item-heading">
          <Accordion.Trigger {...rest} ref={ref} className={cx('dlb-explanation__trigger', className)}>
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
        </Heading>
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
    const context = useExplanationRootPart('ExplanationPanel.Content');
    const panel = useExplanationItemPart('ExplanationPanel.Content');
    return (
      <Accordion.Content {...rest} ref={ref} className={cx('dlb-explanation__content', className)}>
        <div className="dlb-explanation__panel" data-panel={panel}>
          {children ?? (
            <PanelView
              panel={panel}
              data={context.data}
              recommendation={context.recommendation}
              headingLevel={Math.min(6, context.headingLevel + 2) as PanelHeadingLevel}
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

export type ExplanationPanelNotProvidedProps = HTMLAttributes<HTMLParagraphElement>;

/**
 * One sentence naming the panels the AI system sent nothing for ("Not provided by this AI
 * system: similar cases, counterfactuals."). They are not listed as empty panels, but their
 * absence is information: a recommendation without sources is harder to check. Renders nothing
 * when every panel is there.
 *
 * @example
 * <ExplanationPanel.NotProvided />
 */
export const ExplanationPanelNotProvided = forwardRef<HTMLParagraphElement, ExplanationPanelNotProvidedProps>(
  function ExplanationPanelNotProvided({ className, ...rest }, ref) {
    const { notProvided } = useExplanationRootPart('ExplanationPanel.NotProvided');
    const { t, locale } = useI18n(explanationMessages);
    if (notProvided.length === 0) return null;
    const names = notProvided.map((panel) => t(`explanation.panel.${panel}`));
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
    return (
      <p {...rest} ref={ref} className={cx('dlb-explanation__not-provided', className)}>
        {t('explanation.notProvided', { panels: list })}
      </p>
    );
  },
);
ExplanationPanelNotProvided.displayName = 'ExplanationPanel.NotProvided';
