/** Offers `text` as a download named `fileName`, from the panel itself: no worker round trip, no network. */
export function saveTextFile(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
