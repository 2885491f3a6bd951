import type { Holiday } from '@callbot/shared';
import { Plus, Trash2 } from 'lucide-react';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../i18n/index.ts';
import { Button, IconButton } from '../ui/Button.tsx';
import { DateField } from '../ui/DateField.tsx';
import { TextField } from '../ui/Field.tsx';
import { dateOrder, isoToText } from '../ui/dateText.ts';
import './HolidaysEditor.css';

/** The longest holiday name a schedule keeps (the schedules' schema says the same). */
const NAME_MAX = 120;

/**
 * The days a schedule is closed all day, in the schedule node's inspector and
 * on the Schedules page alike: a list of the holidays (the day as the page's
 * language writes it, and the name), each removed with its own button, and a
 * row that adds one by date and optional name. Its fields stack their labels
 * and wrap, so it fits a narrow inspector and spreads out on a wide page.
 * A trainer or a viewer sees the list only.
 */
export function HolidaysEditor({
  holidays,
  onChange,
  notes,
  readOnly = false,
}: {
  holidays: readonly Holiday[];
  /** The new list, sorted by date. */
  onChange: (holidays: Holiday[]) => void;
  /** What the checks say about the holiday at `index`, shown under it (the inspector's notes). */
  notes?: (index: number) => ReactNode;
  /** The list only: no remove buttons, no new holiday (a trainer's or a viewer's page). */
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const order = dateOrder(formattingLocale(i18n.language));
  return (
    <fieldset className="inspector__group holidays">
      <legend>{t('holidays.legend')}</legend>
      <p className="holidays__hint">{t('holidays.hint')}</p>
      {holidays.length === 0 ? (
        <p className="holidays__none">{t('holidays.none')}</p>
      ) : (
        <ul className="holidays__list">
          {holidays.map((holiday, index) => {
            const day = isoToText(holiday.date, order);
            return (
              // Imported documents may list a day twice: the index keeps the keys apart.
              <li key={`${holiday.date}#${index}`} className="holidays__item">
                <span className="holidays__text">
                  <time className="holidays__date" dateTime={holiday.date}>
                    {day}
                  </time>
                  {holiday.name && <span className="holidays__name">{holiday.name}</span>}
                </span>
                {!readOnly && (
                  <IconButton
                    size="sm"
                    icon={<Trash2 />}
                    label={
                      holiday.name
                        ? t('holidays.removeNamed', { date: day, name: holiday.name })
                        : t('holidays.remove', { date: day })
                    }
                    onClick={() => onChange(holidays.filter((_, i) => i !== index))}
                  />
                )}
                {notes && <div className="holidays__notes">{notes(index)}</div>}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && <NewHoliday holidays={holidays} onChange={onChange} />}
    </fieldset>
  );
}

/** The row that adds a holiday: its date, an optional name, and "Add holiday". */
function NewHoliday({
  holidays,
  onChange,
}: {
  holidays: readonly Holiday[];
  onChange: (holidays: Holiday[]) => void;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  // "Add" pressed with no day: said until a day is given.
  const [missing, setMissing] = useState(false);
  // The date field says itself that what is typed there is not a day.
  const [notADay, setNotADay] = useState(false);
  const duplicate = date !== '' && holidays.some((h) => h.date === date);
  const error = duplicate
    ? t('holidays.duplicate')
    : missing && date === '' && !notADay
      ? t('holidays.missingDate')
      : null;

  const add = () => {
    if (date === '') return setMissing(true);
    if (duplicate) return;
    const trimmed = name.trim();
    const holiday: Holiday = trimmed === '' ? { date } : { date, name: trimmed };
    onChange([...holidays, holiday].sort((a, b) => a.date.localeCompare(b.date)));
    setDate('');
    setName('');
    setMissing(false);
  };
  // Enter adds, and never sends the form around the editor (the Schedules page's "Save").
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <div className="holidays__new">
      <DateField
        label={t('holidays.date')}
        value={date}
        onChange={(day) => {
          setDate(day);
          setNotADay(false);
        }}
        onTyped={(typed) => {
          setNotADay(typed === null);
          // Not a day: the one typed before it is dropped too, so "Add" never adds a day not shown.
          if (typed === null) setDate('');
        }}
        {...(error !== null && { error: errorId })}
      />
      <TextField
        label={t('holidays.name')}
        value={name}
        maxLength={NAME_MAX}
        placeholder={t('holidays.namePlaceholder')}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onEnter}
      />
      <Button icon={<Plus />} onClick={add}>
        {t('holidays.add')}
      </Button>
      {error !== null && (
        <p id={errorId} className="holidays__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
