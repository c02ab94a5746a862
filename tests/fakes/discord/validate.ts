/**
 * The checks Discord applies to message and autocomplete bodies, so the fake refuses what
 * Discord would refuse (400 Invalid Form Body, 50035; 400 Cannot send an empty message, 50006).
 * @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * @see https://discord.com/developers/docs/components/reference
 */

type Json = Record<string, any>;

export function messageProblems(body: Json, { create }: { create: boolean }): string[] {
  const problems: string[] = [];
  const len = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
  if (len(body.content) > 2000) problems.push('content: Must be 2000 or fewer in length.');
  const embeds: Json[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds.${i}`;
    if (len(embed.title) > 256) problems.push(`${at}.title: Must be 256 or fewer in length.`);
    if (len(embed.description) > 4096) problems.push(`${at}.description: Must be 4096 or fewer in length.`);
    if (len(embed.footer?.text) > 2048) problems.push(`${at}.footer.text: Must be 2048 or fewer in length.`);
    if (len(embed.author?.name) > 256) problems.push(`${at}.author.name: Must be 256 or fewer in length.`);
    const fields: Json[] = embed.fields ?? [];
    if (fields.length > 25) problems.push(`${at}.fields: Must be 25 or fewer in length.`);
    fields.forEach((field, j) => {
      if (len(field.name) < 1 || len(field.name) > 256) problems.push(`${at}.fields.${j}.name: Must be between 1 and 256 in length.`);
      if (len(field.value) < 1 || len(field.value) > 1024) problems.push(`${at}.fields.${j}.value: Must be between 1 and 1024 in length.`);
      total += len(field.name) + len(field.value);
    });
    total += len(embed.title) + len(embed.description) + len(embed.footer?.text) + len(embed.author?.name);
  });
  if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000');
  const rows: Json[] = Array.isArray(body.components) ? body.components : [];
  if (rows.length > 5) problems.push('components: Must be 5 or fewer in length.');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const buttons: Json[] = row.components ?? [];
    if (row.type !== 1) problems.push(`components.${i}.type: Value must be one of {1}.`);
    if (buttons.length < 1 || buttons.length > 5) problems.push(`components.${i}.components: Must be between 1 and 5 in length.`);
    if (buttons.some((c) => c.type === 3) && buttons.length !== 1) problems.push(`components.${i}.components: A select menu must be alone in its row.`);
    buttons.forEach((button, j) => {
      const at = `components.${i}.components.${j}`;
      if (button.type === 3) {
        problems.push(...selectProblems(button, at));
        if (ids.has(button.custom_id)) problems.push(`${at}.custom_id: Component custom id cannot be duplicated`);
        ids.add(button.custom_id);
        return;
      }
      if (button.type !== 2) problems.push(`${at}.type: Value must be one of {2, 3}.`);
      if (len(button.label) > 80) problems.push(`${at}.label: Must be 80 or fewer in length.`);
      if (button.style === 5) {
        if (!button.url || button.custom_id) problems.push(`${at}: Link buttons need a url and no custom_id.`);
        if (len(button.url) > 512) problems.push(`${at}.url: Must be 512 or fewer in length.`);
      } else {
        if (len(button.custom_id) < 1 || len(button.custom_id) > 100) problems.push(`${at}.custom_id: Must be between 1 and 100 in length.`);
        if (ids.has(button.custom_id)) problems.push(`${at}.custom_id: Component custom id cannot be duplicated`);
        ids.add(button.custom_id);
      }
    });
  });
  if (create && !len(body.content) && embeds.length === 0 && rows.length === 0) problems.push('Cannot send an empty message');
  return problems;
}

/** A string select. @see https://discord.com/developers/docs/components/reference#string-select */
function selectProblems(menu: Json, at: string): string[] {
  const problems: string[] = [];
  const len = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
  if (len(menu.custom_id) < 1 || len(menu.custom_id) > 100) problems.push(`${at}.custom_id: Must be between 1 and 100 in length.`);
  if (len(menu.placeholder) > 150) problems.push(`${at}.placeholder: Must be 150 or fewer in length.`);
  const options: Json[] = Array.isArray(menu.options) ? menu.options : [];
  if (options.length < 1 || options.length > 25) problems.push(`${at}.options: Must be between 1 and 25 in length.`);
  const values = new Set<string>();
  options.forEach((option, k) => {
    if (len(option.label) < 1 || len(option.label) > 100) problems.push(`${at}.options.${k}.label: Must be between 1 and 100 in length.`);
    if (len(option.value) < 1 || len(option.value) > 100) problems.push(`${at}.options.${k}.value: Must be between 1 and 100 in length.`);
    if (len(option.description) > 100) problems.push(`${at}.options.${k}.description: Must be 100 or fewer in length.`);
    if (values.has(option.value)) problems.push(`${at}.options.${k}.value: Select menu option values must be unique`);
    values.add(option.value);
  });
  return problems;
}

export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['choices: This field is required'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push('choices: Must be 25 or fewer in length.');
  choices.forEach((choice: Json, i) => {
    const name = typeof choice?.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100) problems.push(`choices.${i}.name: Must be between 1 and 100 in length.`);
    if (typeof choice?.value === 'string' && choice.value.length > 100) problems.push(`choices.${i}.value: Must be 100 or fewer in length.`);
  });
  return problems;
}
