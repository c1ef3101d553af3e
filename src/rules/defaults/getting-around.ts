/** Shipped default rules: transport, the car and travel. */
import type { DefaultRow } from './spending.js';

export const TRANSPORT: DefaultRow[] = [
  ['Didi', '滴滴|didi', 'Transport:Taxi', '滴滴出行'],
  ['Uber', 'uber trip|uber *trip|uber.com|uber bv|uber', 'Transport:Taxi', 'Uber'],
  ['Lyft', 'lyft', 'Transport:Taxi', 'Lyft'],
  ['Grab', 'grab*|grabtaxi|grab ride', 'Transport:Taxi', 'Grab'],
  ['Bolt', 'bolt.eu', 'Transport:Taxi', 'Bolt'],
  ['Cao Cao', '曹操出行', 'Transport:Taxi', '曹操出行'],
  ['Gaode taxi', '高德打车', 'Transport:Taxi', '高德打车'],
  ['T3', 't3出行', 'Transport:Taxi', 'T3出行'],
  ['Taxi generic', '出租车|打车|taxi|cab fare', 'Transport:Taxi'],
  ['Metro', '地铁|metro|subway|mtr|轨道交通|u-bahn|underground', 'Transport:Public transit'],
  ['Bus', '公交|巴士|bus fare|一卡通|交通卡|oyster|tfl travel|opal|octopus', 'Transport:Public transit'],
  ['Hello bike', '哈啰|哈罗单车|hellobike', 'Transport:Bike sharing', '哈啰'],
  ['Meituan bike', '美团单车|摩拜|青桔', 'Transport:Bike sharing'],
  ['Sinopec', '中国石化|中石化|sinopec', 'Transport:Fuel', '中国石化'],
  ['PetroChina', '中国石油|中石油|petrochina', 'Transport:Fuel', '中国石油'],
  ['Shell', 'shell oil|shell station|壳牌', 'Transport:Fuel', 'Shell'],
  ['BP', 'bp station|bp oil', 'Transport:Fuel', 'BP'],
  ['Esso', 'esso|exxon|mobil ', 'Transport:Fuel', 'ExxonMobil'],
  ['Chevron', 'chevron', 'Transport:Fuel', 'Chevron'],
  ['Fuel generic', '加油站|加油|fuel|petrol|gas station|tankstelle', 'Transport:Fuel'],
  ['EV charging', '充电桩|特来电|星星充电|tesla supercharger', 'Transport:Fuel'],
  ['ETC tolls', 'etc|高速通行|过路费|toll', 'Transport:Parking & tolls'],
  ['Parking', '停车|parking|parkhaus', 'Transport:Parking & tolls'],
  ['Car care', '洗车|4s店|途虎|汽车保养|car wash|jiffy lube|autowerkstatt', 'Transport:Car maintenance'],
];

/** The car's own costs (fuel, parking and servicing stay under Transport, as before migration 18). */
export const CAR: DefaultRow[] = [
  ['Car loan', '车贷|汽车金融|汽车按揭|auto loan|car loan|auto finance', 'Car:Car loan'],
  ['Traffic fines', '交通罚款|违章罚款|违章缴费|交通违法|traffic fine|speeding fine|parking fine', 'Car:Traffic fines'],
  ['Car rental', '一嗨租车|神州租车|租车|hertz|avis|sixt|europcar|car rental', 'Car:Car rental'],
];

export const TRAVEL: DefaultRow[] = [
  ['12306', '12306|铁路|中国铁路|高铁', 'Travel:Trains', '中国铁路12306'],
  ['Rail international', 'amtrak|deutsche bahn|db bahn|sncf|eurostar|trainline|national rail|öbb|ns.nl', 'Travel:Trains'],
  ['Air China', '中国国航|国航|air china', 'Travel:Flights', '中国国航'],
  ['China Eastern', '东方航空|东航|china eastern', 'Travel:Flights', '东方航空'],
  ['China Southern', '南方航空|南航|china southern', 'Travel:Flights', '南方航空'],
  ['Hainan Airlines', '海南航空|海航|hainan airlines', 'Travel:Flights', '海南航空'],
  ['Spring Airlines', '春秋航空', 'Travel:Flights', '春秋航空'],
  ['Cathay Pacific', '国泰航空|cathay pacific', 'Travel:Flights', 'Cathay Pacific'],
  ['Airlines international', 'united airlines|delta air|american airlines|southwest air|lufthansa|british airways|air france|klm|ryanair|easyjet|emirates|qatar airways|singapore airlines|jetblue|alaska air|air canada|qantas|ana |japan airlines', 'Travel:Flights'],
  ['Flights generic', '机票|航空|airline|airways', 'Travel:Flights'],
  ['Ctrip', '携程|ctrip|trip.com', 'Travel:Travel booking', '携程'],
  ['Fliggy', '飞猪|fliggy', 'Travel:Travel booking', '飞猪'],
  ['Qunar', '去哪儿|qunar', 'Travel:Travel booking', '去哪儿'],
  ['Tongcheng', '同程', 'Travel:Travel booking', '同程旅行'],
  ['Booking.com', 'booking.com', 'Travel:Hotels', 'Booking.com'],
  ['Airbnb', 'airbnb', 'Travel:Hotels', 'Airbnb'],
  ['Expedia', 'expedia|hotels.com', 'Travel:Travel booking', 'Expedia'],
  ['Agoda', 'agoda', 'Travel:Hotels', 'Agoda'],
  ['Hotel chains', '如家|汉庭|全季|亚朵|锦江|华住|7天酒店|维也纳酒店|marriott|hilton|hyatt|sheraton|westin|holiday inn|intercontinental|ibis|novotel|accor|radisson', 'Travel:Hotels'],
  ['Hotels generic', '酒店|宾馆|民宿|hotel|motel|hostel', 'Travel:Hotels'],
  ['Attractions', '景区|门票|迪士尼|disney|universal studios|museum|博物馆', 'Travel:Attractions'],
];
