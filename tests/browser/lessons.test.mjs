// lessons.test.mjs: the course in the page (web/lessons.h, web/ui/learn_panel.cpp): a lesson
// opened by its link at a step, a task ticked when the run meets it, progress kept over a
// reload, a teacher's file (bad: its line named; good: embedded in a link), and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openReady, ready, root } from './harness.mjs';

useBrowser();

const lessons = (page) => page.evaluate(() => nnplay.lessons());
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
