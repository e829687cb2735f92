import { bindStage } from '../../../tester/harness/stages/bind.js';

export default bindStage();
