/**
 * A service's digest, the top of its panel written by the build for each service, so that a page
 * opened at the service's address shows it before the dataset arrives (src/app/service-digest.ts).
 */
import { describe, expect, it } from 'vitest';
import { serviceDigestHtml, serviceDigestOf, serviceIdOfPath } from '../../src/app/service-digest';
import { loadRealDataset } from '../support/real-dataset';

describe("a service's digest", () => {
  it('says what the panel says first: its category as the caption, its name, other names and description', () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset is invalid');
    const service = result.dataset.services.find((candidate) => candidate.id === 'health-visiting');
    expect(service && serviceDigestOf(service)).toEqual({
      id: 'health-visiting',
      caption: 'Service: Public health',
      name: 'Health visiting (children aged 0 to 5)',
      synonyms: service?.synonyms,
      description: service?.description,
    });
  });

  it("is written for every service of the real dataset under a name the page asks for at the service's address", () => {
    const result = loadRealDataset();
    if (!result.ok) throw new Error('the real dataset is invalid');
    for (const service of result.dataset.services) {
      // The page asks for data/service-digests/<the id in the address>.json: the two must agree.
      expect(serviceIdOfPath(`/service/${service.id}`), service.id).toBe(service.id);
      expect(serviceDigestHtml(serviceDigestOf(service))).toMatch(
        new RegExp(`^<div class="app-explorer__panel" data-service-digest="${service.id}">`),
      );
    }
  });

  it('is asked for only at a service address', () => {
    expect(serviceIdOfPath('/service/health-visiting')).toBe('health-visiting');
    expect(serviceIdOfPath('/service/health-visiting/')).toBe('health-visiting');
    expect(serviceIdOfPath('/')).toBeNull();
    expect(serviceIdOfPath('/org/nhs-england')).toBeNull();
    expect(serviceIdOfPath('/service/../sources')).toBeNull();
    expect(serviceIdOfPath('/service/')).toBeNull();
  });

  it('writes the text as text: markup in a name or description is escaped', () => {
    const html = serviceDigestHtml({
      id: 'x',
      caption: 'Service: Other services',
      name: 'A & B <i>',
      synonyms: [],
      description: 'Say "hello" & <b>bye</b>',
    });
    expect(html).toContain('>A &amp; B &lt;i&gt;</h2>');
    expect(html).toContain('<p>Say &quot;hello&quot; &amp; &lt;b&gt;bye&lt;/b&gt;</p>');
    expect(html).not.toContain('Also called');
  });
});
