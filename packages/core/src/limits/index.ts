/** Limits shared by the server's validation and the web app's forms. */
export const limits = {
  suggestionTitle: { min: 4, max: 80 },
  suggestionBody: { min: 10, max: 5000 },
  userName: { min: 1, max: 64 },
  login: { min: 3, max: 64 },
  password: { min: 10, max: 256 },
  unitName: { min: 1, max: 100 },
  phone: /^1[3-9]\d{9}$/,
  firmName: { min: 2, max: 100 },
  /** The office's note to the department it routes a request to (请会同区市场监管局办理). */
  routingNote: { max: 500 },
  /**
   * Why the office withdraws a reform project taken up from citizens' suggestions (it goes on each
   * suggestion's public timeline) or an entry from a published honour list (its authors are told):
   * a word or two is not enough.
   */
  withdrawalReason: { min: 4, max: 500 },
  /** The people to call at a firm: at most this many, each a name and a phone. */
  firmContacts: 5,
  contactName: { min: 1, max: 32 },
  /** A contact's phone: a mainland mobile, or a landline with its area code (023-79223456). */
  contactPhone: /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
  uploadBytes: 20 * 1024 * 1024,
  /**
   * A JSON body anyone may send without an account: the longest suggestion in UTF-8 is about
   * 15 KB, so this leaves room and keeps an anonymous request from tying the server up reading.
   */
  publicJsonBytes: 64 * 1024,
  /**
   * A JSON body a signed-in account may send to a route that takes no file: well above the largest
   * form (a 20,000-character minutes text is 60 KB in UTF-8, a year's 400 report values less).
   */
  jsonBytes: 1024 * 1024,
  /** Calendar dates anyone enters (held on, due on, a campaign's days): the years a district plans in. */
  date: { min: '1900-01-01', max: '2100-12-31' },
  /** The regional comparison: the years it covers, a figure the office enters, and a share of a whole (%). */
  regionalYear: { min: 2000, max: 2099 },
  regionalFigure: { min: -1e9, max: 1e9 },
  regionalShare: { min: 0, max: 100 },
  /** A weight set by hand for one indicator of the regional comparison. */
  regionalWeight: { min: 0, max: 1000 },
} as const;
