/** What is wrong with a field after a refused change, shown beside it; nothing when all is well. */
export function FieldProblem({ text, field }: { text: string | undefined; field: string }) {
  if (!text) return null;
  return (
    <span className="field-problem" data-testid="field-problem" data-field={field}>
      {text}
    </span>
  );
}
