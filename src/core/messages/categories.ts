/** Texts about categories: the income-by-category block of `report month` and `report year`. */
import { messages } from '../i18n.js';

export const tCategories = messages({
  incomeByCategory: { en: 'Income by category', zh: '收入分类' },
  incomeCategory: { en: 'Category', zh: '收入类别' },
});
