/** The most recent text recognised by any Inkwell view (what "Insert Last Result" inserts). */
export class LastResult {
  private value = '';

  get text(): string {
    return this.value;
  }

  set(text: string): void {
    this.value = text;
  }
}
