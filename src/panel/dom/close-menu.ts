/** Closes the <details> menu that holds `item`, after one of its items was chosen. */
export function closeMenuOf(item: Element): void {
  item.closest('details')?.removeAttribute('open');
}
