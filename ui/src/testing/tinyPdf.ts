/**
 * A small, valid PDF with one A4 page per title (the title printed at the top), for the test
 * double's page preview: real bytes pdf.js can open, made without the Rust layout engine.
 */
export function tinyPdf(titles: string[]): Uint8Array {
  const pages = titles.length > 0 ? titles : ["Coherence playbook"];
  const objects: string[] = [];
  const font = 3;
  const first = 4;
  const kids = pages.map((_, i) => `${first + i * 2} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  pages.forEach((title, i) => {
    const text = title.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "\\$&");
    const stream = `BT /F1 20 Tf 58 760 Td (${text}) Tj ET 58 740 m 537 740 l S`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${first + i * 2 + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
