/** Choosing a spreadsheet (xlsx or CSV) to import, for the 网格树 and 12345 imports: a hidden file input on h5, a chat file on weapp. */
import Taro from '@tarojs/taro';

export interface PickedSheet {
  fileName: string;
  /** The file's bytes as base64, as the import functions take them. */
  data: string;
}

/** The chosen file, or null when none was chosen. Excel files reach a phone through a chat (文件传输助手), hence chooseMessageFile. */
export async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.xlsx,.csv';
      input.style.display = 'none';
      input.onchange = () => {
        const file = input.files?.[0];
        input.remove();
        if (!file) return resolve(null);
        const reader = new FileReader();
        reader.onload = () => resolve({ fileName: file.name, data: String(reader.result).replace(/^data:[^,]*,/, '') });
        reader.onerror = () => resolve(null);
        reader.readAsDataURL(file);
      };
      document.body.appendChild(input);
      input.click();
    });
  }
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] }).catch(() => null);
  const file = chosen?.tempFiles[0];
  if (!file) return null;
  return { fileName: file.name, data: String(Taro.getFileSystemManager().readFileSync(file.path, 'base64')) };
}
