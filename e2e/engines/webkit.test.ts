import { engineMatrix } from './matrix'

engineMatrix('webkit')
