import type {XmlElement, XmlNode} from './types.js'

/** What the imprint says about this publication. */
export interface Imprint {
  code: string
  title: string
  byline?: string
  firstPublished?: string
  isbn?: string
  edition?: string
}

const el = (name: string, elements: XmlNode[] = []): XmlElement => (elements.length ? {type: 'element', name, elements} : {type: 'element', name})
const para = (text: string): XmlElement => el('Paragraph', text ? [{type: 'text', text}] : [])
const paras = (name: string, texts: string[]): XmlElement => el(name, texts.map(para))

/**
 * `FrontMatter`: the `ByLine` and the OU's standard imprint (the wording of
 * the OU toolchain's template), with the first-published year, ISBN and
 * edition from the config. The schema requires every part of the imprint,
 * so those not given are empty.
 */
export function frontMatter(imprint: Imprint): XmlElement {
  const year = imprint.firstPublished ?? ''
  const standard = el('Standard', [
    paras('GeneralInfo', [
      `This publication forms part of the Open University module ${imprint.code} ${imprint.title}. Details of this and other Open University modules can be obtained from the Student Registration and Enquiry Service, The Open University, PO Box 197, Milton Keynes MK7 6BJ, United Kingdom (tel. +44 (0)845 300 60 90; email general-enquiries@open.ac.uk).`,
      'Alternatively, you may visit the Open University website at www.open.ac.uk where you can learn more about the wide range of modules and packs offered at all levels by The Open University.',
    ]),
    el('Address', ['The Open University,', 'Walton Hall, Milton Keynes', 'MK7 6AA'].map((line) => el('AddressLine', [{type: 'text', text: line}]))),
    paras('FirstPublished', [year ? `First published ${year}` : '']),
    paras('Copyright', [`Unless otherwise stated, copyright © ${year ? `${year} ` : ''}The Open University, all rights reserved.`]),
    paras('Rights', [
      'All rights reserved. No part of this publication may be reproduced, stored in a retrieval system, transmitted or utilised in any form or by any means, electronic, mechanical, photocopying, recording or otherwise, without written permission from the publisher or a licence from the Copyright Licensing Agency Ltd.',
    ]),
    paras('Edited', ['Edited and designed by The Open University.']),
    paras('Printed', ['']),
    el('ISBN', imprint.isbn ? [{type: 'text', text: imprint.isbn}] : []),
    el('Edition', imprint.edition ? [{type: 'text', text: imprint.edition}] : []),
  ])
  const byline = imprint.byline ? [el('ByLine', [{type: 'text', text: imprint.byline}])] : []
  return el('FrontMatter', [...byline, el('Imprint', [standard])])
}
