// lessons.test.mjs: the course in the page (web/lessons.h, web/ui/learn_panel.cpp): a lesson
// opened by its link at a step, a task ticked when the run meets it, progress kept over a
// reload, a teacher's file (bad: its line named; good: embedded in a link; fetched from the
// site by lessonUrl=), the address while a lesson is open, long titles, hints, answers and
// resetting progress, and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openReady, ready, root, frames, hashOf as fullHash } from './harness.mjs';

useBrowser();

const lessons = (page) => page.evaluate(() => nnplay.lessons());
const hashOf = async (page) => (await fullHash(page)).replace(/^#/, '');
const shot = (page, name) => page.screenshot({ path: join(root, 'build', 'screenshots', name) });

const kLesson = [
  '---', 'title: A small lesson', 'id: small', 'order: 1', 'state: dataset=gauss&networkShape=', '---',
  'Train **one unit** on two clouds: `z = w₁x₁ + w₂x₂ + b`.', '',
  '## Task: Separate them', 'when: test_acc >= 0.9', 'answer: Train it.',
  'solution: dataset=gauss&networkShape=', 'epochs: 50', ''].join('\n');

test('#lesson=<id>&step=2 opens the lesson at its task; meeting it ticks it; progress survives a reload', async () => {
  const { page, problems } = await openReady('#lesson=perceptron&step=2');
  let l = await lessons(page);
  assert.equal(l.open, 'perceptron');
  assert.equal(l.focus >= 0 ? l.focus : 1, 1);  // the focus is used (and cleared) once drawn
  assert.ok(l.panel, 'the Learn panel is open');
  assert.ok((await page.evaluate(() => nnplay.getState())).includes('model=perceptron'), 'the lesson state is loaded');
  assert.equal(l.tasks.length, 2);
  assert.ok(!l.tasks[1].done);
  const before = l.done;
  // Task 2: the perceptron stuck on XOR after 50 epochs; the state and epochs set through the test API.
  await page.evaluate(() => nnplay.setState('model=perceptron&dataset=xor&seed=lesson'));
  await page.evaluate(() => nnplay.step(60));
  l = await lessons(page);
  assert.equal(l.open, 'perceptron');
  assert.ok(l.tasks[1].done, JSON.stringify(l.tasks));
  assert.equal(l.done, before + 1);
  await shot(page, 'lesson.png');
  await page.reload();
  await ready(page);
  l = await lessons(page);
  assert.equal(l.done, before + 1, 'the ticked task is remembered (localStorage)');
  // The table of contents: the Learn panel with no lesson open.
  await page.evaluate(() => nnplay.setState('dataset=circle'));
  const r = await page.evaluate(() => nnplay.widgetRect('learn'));
  if (!(await lessons(page)).panel) await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.lessons().panel);
  await page.waitForTimeout(100);
  await shot(page, 'course.png');
  assert.ok(problems.length === 0, problems.join('; '));
});

const click = async (page, name) => {
  await page.waitForFunction((n) => nnplay.widgetRect(n), name, { timeout: 10000 });
  const r = await page.evaluate((n) => nnplay.widgetRect(n), name);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await frames(page, 3);
};

test('hints and the answer show at a click; Reset progress asks before it forgets; every glyph is in the font', async () => {
  const { page, problems } = await openReady('#lesson=perceptron');
  await page.evaluate(() => { nnplay.setState('model=perceptron&dataset=xor&seed=lesson'); nnplay.step(60); });
  await page.waitForFunction(() => nnplay.lessons().done > 0);
  const done = (await lessons(page)).done;
  await click(page, 'task.1.hint');
  assert.equal((await lessons(page)).tasks[0].hintsShown, 1);
  await click(page, 'task.1.hint');
  assert.equal((await lessons(page)).tasks[0].hintsShown, 2);
  await click(page, 'task.1.answer');
  assert.ok((await lessons(page)).tasks[0].answerShown);
  // The formulas' sub- and superscripts (e⁻ᶻ, Σⱼ, nᵢₙ): none falls back to '?'.
  assert.equal((await lessons(page)).missingGlyphs, '');
  // Back to the contents: the first press of Reset progress only asks. By keyboard, the focus
  // moves to Cancel, and back to the button when cancelled (not to the top of the page).
  await click(page, 'lessons.contents');
  const focusedLabel = async () => (await page.evaluate(() => nnplay.focused()))?.label ?? '';
  for (let i = 0; i < 150 && !/^Reset progress/.test(await focusedLabel()); ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
  }
  assert.match(await focusedLabel(), /^Reset progress/);
  await page.keyboard.press('Space');
  await frames(page, 3);
  assert.match(await focusedLabel(), /^Cancel/);
  await page.keyboard.press('Space');
  await frames(page, 3);
  assert.match(await focusedLabel(), /^Reset progress/);
  assert.equal((await lessons(page)).done, done, 'Cancel forgot the progress');
  await click(page, 'lessons.reset');
  assert.equal((await lessons(page)).done, done, 'one press forgot the progress');
  await click(page, 'lessons.reset');
  assert.equal((await lessons(page)).done, 0);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a teacher\'s lesson file: a bad one names its line, a good one opens and is shared in the link', async () => {
  const { page, problems } = await openReady();
  await page.evaluate((text) => nnplay.openFile('bad.md', text), kLesson.replace('when: test_acc', 'when: test_accuracy'));
  let l = await lessons(page);
  assert.ok(l.error.includes('line 10: unknown name \'test_accuracy\''), l.error);
  assert.equal(l.open, '');
  await page.evaluate((text) => nnplay.openFile('small.md', text), kLesson);
  l = await lessons(page);
  assert.equal(l.open, 'small');
  await page.evaluate(() => nnplay.step(50));
  assert.ok((await lessons(page)).tasks[0].done);
  // The same lesson embedded in a link, base64url, opens in a new page.
  const b64 = Buffer.from(kLesson, 'utf8').toString('base64url');
  const second = await openReady('#lessonText=' + b64);
  l = await lessons(second.page);
  assert.equal(l.open, 'small');
  assert.equal(l.title, 'A small lesson');
  assert.ok(problems.length === 0 && second.problems.length === 0, problems.concat(second.problems).join('; '));
});

test('a lesson on a phone (390×844): the text wraps inside the panel', async () => {
  const { page, problems } = await openReady('#lesson=backprop', async (p) => p.setViewportSize({ width: 390, height: 844 }));
  const l = await lessons(page);
  assert.equal(l.open, 'backprop');
  await page.waitForTimeout(100);
  await shot(page, 'lesson-phone.png');
  assert.ok(problems.length === 0, problems.join('; '));
});

// A two-task lesson served by the test server's route at lessons/two.md (and a bad one).
const kTwo = [
  '---', 'title: Two steps', 'id: two', 'order: 1', 'state: dataset=gauss&networkShape=&seed=two', '---',
  'One unit on two clouds.', '',
  '## Task: Separate them', 'when: test_acc >= 0.9', 'answer: Train it.',
  'solution: dataset=gauss&networkShape=', 'epochs: 50', '',
  '## Task: Slow down', 'when: learningRate <= 0.01', 'answer: learningRate=0.01.',
  'solution: dataset=gauss&networkShape=&learningRate=0.01', 'epochs: 1', ''].join('\n');
const serveLessons = (page) => page.route('**/lessons/*.md', (route) => {
  const name = new URL(route.request().url()).pathname.split('/').pop();
  const text = name === 'two.md' ? kTwo : name === 'bad.md' ? kTwo.replace('epochs: 1', 'epochs: many') : null;
  if (text === null) return route.fulfill({ status: 404, body: 'no such lesson' });
  return route.fulfill({ status: 200, contentType: 'text/markdown', body: text });
});

test('the address shows the open lesson (lesson=<id>&step=<n>) and the playground\'s link again after it', async () => {
  const { page, problems } = await openReady('#lesson=perceptron&step=2');
  await frames(page, 2);
  assert.equal(await hashOf(page), 'lesson=perceptron&step=2');
  // Back to the contents: the playground's own link (the lesson's state).
  await page.waitForFunction(() => nnplay.widgetRect('lessons.contents'));
  const contents = await page.evaluate(() => nnplay.widgetRect('lessons.contents'));
  await page.mouse.click(contents.x + contents.w / 2, contents.y + contents.h / 2);
  await page.waitForFunction(() => !location.hash.includes('lesson='));
  let hash = await hashOf(page);
  assert.ok(hash.includes('model=perceptron') && hash.includes('dataset='), hash);
  // A lesson picked in the contents: its link at its first task to do.
  await page.waitForFunction(() => nnplay.widgetRect('lesson.momentum'));
  const item = await page.evaluate(() => nnplay.widgetRect('lesson.momentum'));
  await page.mouse.click(item.x + 20, item.y + item.h / 2);
  await page.waitForFunction(() => location.hash.startsWith('#lesson=momentum&step='));
  assert.equal(await hashOf(page), 'lesson=momentum&step=1');
  // Reloading reopens it.
  await page.reload();
  await ready(page);
  assert.equal((await lessons(page)).open, 'momentum');
  assert.equal(await hashOf(page), 'lesson=momentum&step=1');
  // Closing the Learn panel: the playground, and its link.
  await page.waitForFunction(() => nnplay.widgetRect('sidePanelClose'));
  const close = await page.evaluate(() => nnplay.widgetRect('sidePanelClose'));
  await page.mouse.click(close.x + close.w / 2, close.y + close.h / 2);
  await page.waitForFunction(() => !location.hash.includes('lesson='));
  hash = await hashOf(page);
  assert.ok(hash.includes('momentum=') || hash.includes('optimizer='), hash);
  assert.equal(await page.evaluate(() => nnplay.lessonAddress()), '');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('lessonUrl= fetches a lesson file from the site: it opens at its step, the step follows the tasks; a bad file names its line', async () => {
  const { page, problems } = await openReady('#lessonUrl=lessons/two.md&step=1', serveLessons);
  await page.waitForFunction(() => nnplay.lessons().open === 'two', null, { timeout: 20000 });
  let l = await lessons(page);
  assert.equal(l.title, 'Two steps');
  assert.equal(l.tasks.length, 2);
  assert.ok((await page.evaluate(() => nnplay.getState())).includes('seed=two'), 'the lesson\'s state is not loaded');
  await frames(page, 2);
  assert.equal(await hashOf(page), 'lessonUrl=lessons/two.md&step=1');
  // Task 1 met: the address moves on to task 2.
  await page.evaluate(() => nnplay.step(50));
  l = await lessons(page);
  assert.ok(l.tasks[0].done, JSON.stringify(l.tasks));
  await page.waitForFunction(() => location.hash.endsWith('&step=2'));
  assert.equal(await hashOf(page), 'lessonUrl=lessons/two.md&step=2');
  // Reloading fetches it again and opens it at task 2.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => nnplay.lessons().open === 'two', null, { timeout: 20000 });
  await frames(page, 2);
  assert.equal(await hashOf(page), 'lessonUrl=lessons/two.md&step=2');
  // A bad file: the error names its line, and nothing opens.
  const bad = await openReady('#lessonUrl=lessons/bad.md', serveLessons);
  await bad.page.waitForFunction(() => nnplay.lessons().error !== '', null, { timeout: 20000 });
  l = await lessons(bad.page);
  assert.match(l.error, /^lessons\/bad\.md: line 19: /, l.error);
  assert.equal(l.open, '');
  // A path off the site is refused by name, without fetching.
  const far = await openReady('#lessonUrl=https://example.com/x.md', serveLessons);
  assert.match((await lessons(far.page)).error, /lessonUrl: a lesson file's path on this site/);
  assert.ok(problems.concat(bad.problems, far.problems).length === 0, problems.concat(bad.problems, far.problems).join('; '));
});

test('every lesson\'s title stays clear of its task counter and the panel\'s edge (1280×800 and 390×844)', async () => {
  for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, problems } = await openReady('', async (p) => p.setViewportSize(size));
    const learn = size.width > 600 ? 'learn' : 'tabMore';
    const r = await page.evaluate((n) => nnplay.widgetRect(n), learn);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    if (learn === 'tabMore') {
      await page.waitForFunction(() => nnplay.widgetRect('moreLearn'));
      const m = await page.evaluate(() => nnplay.widgetRect('moreLearn'));
      await page.mouse.click(m.x + m.w / 2, m.y + m.h / 2);
    }
    await page.waitForFunction(() => nnplay.lessons().panel && nnplay.widgetRect('lessonTitle.initialisation'));
    await page.mouse.move(size.width - 10, size.height - 60);  // no tooltip in the screenshots
    const course = (await lessons(page)).course;
    assert.ok(course >= 18, `${course} lessons`);
    for (const id of ['perceptron', 'initialisation', 'early-stopping', 'gradient-descent', 'network-size']) {
      const title = await page.evaluate((n) => nnplay.widgetRect('lessonTitle.' + n), id);
      const count = await page.evaluate((n) => nnplay.widgetRect('lessonCount.' + n), id);
      assert.ok(title && count, id);
      assert.ok(title.x + title.w <= count.x, `${size.width}px: '${id}' title ends at ${title.x + title.w}, its counter starts at ${count.x}`);
    }
    await shot(page, `course-${size.width}.png`);
    // Each lesson's header: its title wraps inside the panel.
    for (const id of ['initialisation', 'early-stopping']) {
      await page.evaluate((n) => { location.hash = 'lesson=' + n; }, id);
      await page.waitForFunction((n) => nnplay.lessons().open === n && nnplay.widgetRect('lessons.title'), id);
      await frames(page, 2);
      const title = await page.evaluate(() => nnplay.widgetRect('lessons.title'));
      const start = await page.evaluate(() => nnplay.widgetRect('lessons.start'));
      assert.ok(title.y >= start.y + start.h - 1, `${id}: the title overlaps the buttons`);
      assert.ok(title.x + title.w <= size.width, `${id}: the title runs off the page at ${size.width}px`);
      if (id === 'initialisation') await shot(page, `lesson-13-${size.width}.png`);
    }
    assert.ok(problems.length === 0, problems.join('; '));
    await page.close();
  }
});
