import type { ReactNode } from 'react';
import type { NewCallReferenceQuery } from '../../gql/graphql';

export type CategoryAttribute = NewCallReferenceQuery['categories'][number]['attributes'][number];
/** Answers by attribute code: one value, or several for a multivaluelist. */
export type Answers = Readonly<Record<string, readonly string[]>>;

/** The chosen category's questions, in their order, each with its label; required ones are marked. */
export function CategoryQuestions(props: {
  attributes: readonly CategoryAttribute[];
  answers: Answers;
  onChange(code: string, values: string[]): void;
  requiredMark: string;
}): ReactNode {
  const sorted = [...props.attributes].sort((a, b) => a.order - b.order);
  return (
    <>
      {sorted.map((attribute) => {
        const id = `attr-${attribute.code}`;
        const value = props.answers[attribute.code] ?? [];
        const label = (
          <>
            {attribute.description}
            {attribute.required && <span aria-hidden="true"> {props.requiredMark}</span>}
          </>
        );
        if (attribute.datatype === 'multivaluelist') {
          return (
            <fieldset key={attribute.code} className="question">
              <legend>{label}</legend>
              {attribute.values.map((option) => (
                <label key={option.key} className="inline">
                  <input
                    type="checkbox"
                    name={id}
                    checked={value.includes(option.key)}
                    onChange={(e) =>
                      props.onChange(attribute.code, e.target.checked ? [...value, option.key] : value.filter((v) => v !== option.key))
                    }
                  />
                  {option.name}
                </label>
              ))}
            </fieldset>
          );
        }
        return (
          <div key={attribute.code} className="question">
            <label htmlFor={id}>{label}</label>
            {attribute.datatype === 'singlevaluelist' ? (
              <select id={id} required={attribute.required} value={value[0] ?? ''} onChange={(e) => props.onChange(attribute.code, e.target.value ? [e.target.value] : [])}>
                <option value="">—</option>
                {attribute.values.map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.name}
                  </option>
                ))}
              </select>
            ) : attribute.datatype === 'text' ? (
              <textarea id={id} required={attribute.required} value={value[0] ?? ''} onChange={(e) => props.onChange(attribute.code, e.target.value ? [e.target.value] : [])} />
            ) : (
              <input
                id={id}
                type={attribute.datatype === 'number' ? 'number' : attribute.datatype === 'datetime' ? 'datetime-local' : 'text'}
                required={attribute.required}
                value={value[0] ?? ''}
                onChange={(e) => props.onChange(attribute.code, e.target.value ? [e.target.value] : [])}
              />
            )}
          </div>
        );
      })}
    </>
  );
}

/** The answers as the API takes them (`attributes` of createTicket), blanks left out. */
export function answersInput(answers: Answers): Array<{ code: string; values: string[] }> {
  return Object.entries(answers)
    .filter(([, values]) => values.some((v) => v.trim() !== ''))
    .map(([code, values]) => ({ code, values: values.filter((v) => v.trim() !== '') }));
}
